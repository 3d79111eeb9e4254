import { existsSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { rest, startTestApi, type TestApi } from '../../test/harness.js';

const CHROMIUM = '/usr/bin/chromium';
let t: TestApi;
let browser: Browser | undefined;

beforeAll(async () => {
  t = await startTestApi();
  if (existsSync(CHROMIUM)) {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

test('/docs is served from node_modules with a CSP that allows no other host', async () => {
  const page = await rest(t, 'GET', '/docs');
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
  const csp = page.headers.get('content-security-policy')!;
  expect(csp).toContain("connect-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/https?:/);
  const bundle = await rest(t, 'GET', '/docs/swagger-ui-bundle.js');
  expect(bundle.status).toBe(200);
  expect(bundle.headers.get('content-type')).toContain('javascript');
});

/*
 * Swagger UI (5.x) virtualises the operation list once it holds 150 rows (tags plus the operations of
 * open tags): only the rows near the viewport are in the DOM, drawn a frame or more after a scroll, so a
 * walk that scrolls can skip rows on a loaded machine. With one tag open at a time the list stays far
 * under that (12 tags, at most 50 operations under one), so every row of the open tag is in the DOM:
 * each tag is opened, its operations read once as many as the document lists are drawn, and closed.
 */
// Run in the page (the API's tsconfig has no DOM types, so as text).
const TAGS_NOW = `[...document.querySelectorAll('.opblock-tag')].map((e) => e.getAttribute('data-tag') ?? '')`;
const OPERATIONS_NOW = `[...document.querySelectorAll('.opblock')].map((e) =>
  e.id + ' ' + (e.querySelector('.opblock-summary-method')?.textContent ?? '').toLowerCase() + ' ' +
  (e.querySelector('.opblock-summary-path')?.getAttribute('data-path') ?? ''))`;

async function openEveryTagAndCollectOperations(page: Page, perTag: ReadonlyMap<string, number>): Promise<{ tags: Set<string>; operations: Set<string> }> {
  const tags = new Set(await page.evaluate<string[]>(TAGS_NOW));
  const operations = new Set<string>();
  for (const tag of tags) {
    const heading = page.locator(`.opblock-tag[data-tag="${tag}"]`);
    await heading.click();
    // As many as the document lists under it; past the timeout, what is drawn is read and the assertions say what is missing.
    await page.waitForFunction(`document.querySelectorAll('.opblock').length >= ${perTag.get(tag) ?? 1}`, undefined, { timeout: 20_000 }).catch(() => undefined);
    for (const o of await page.evaluate<string[]>(OPERATIONS_NOW)) operations.add(o);
    await heading.click();
    await page.waitForFunction(`document.querySelectorAll('.opblock').length === 0`, undefined, { timeout: 20_000 });
  }
  return { tags, operations };
}

test.skipIf(!existsSync(CHROMIUM))('the reference renders every operation in headless Chromium, with no request beyond loopback', { timeout: 120_000 }, async () => {
  const doc = (await rest(t, 'GET', '/openapi.json')).body as { paths: Record<string, Record<string, { tags?: string[] }>> };
  const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).flatMap(([method, op]) => (op.tags?.length ? op.tags : ['default']).map((tag) => ({ tag, method, path }))),
  );
  const context = await browser!.newContext({ viewport: { width: 1280, height: 1600 } });
  const page = await context.newPage();
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  const blocked: string[] = [];
  page.on('console', (m) => { if (/Content Security Policy|Refused/i.test(m.text())) blocked.push(m.text()); });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${t.url}/docs`);
  // Tags start collapsed (over a hundred operations, several under two tags).
  await page.locator('.opblock-tag').first().waitFor({ timeout: 20_000 });
  const perTag = new Map<string, number>();
  for (const { tag } of documented) perTag.set(tag, (perTag.get(tag) ?? 0) + 1);
  const { tags, operations } = await openEveryTagAndCollectOperations(page, perTag);

  expect([...tags].sort()).toEqual([...new Set(documented.map((d) => d.tag))].sort());
  // One row per (tag, operation): the element id names the tag, the summary the method and path.
  const drawn = [...operations].map((o) => { const [, method, path] = o.split(' '); return `${method} ${path}`; });
  expect(operations.size).toBe(documented.length);
  expect([...new Set(drawn)].sort()).toEqual([...new Set(documented.map((d) => `${d.method} ${d.path}`))].sort());
  expect(await page.locator('.info .title').innerText()).toContain('Cartly Customer Portal API');
  expect(requested.filter((u) => !u.startsWith('data:')).map((u) => new URL(u).hostname).filter((h) => h !== '127.0.0.1')).toEqual([]);
  expect(requested.some((u) => u.endsWith('/openapi.json'))).toBe(true);
  expect(blocked).toEqual([]);
  expect(pageErrors).toEqual([]);
  await context.close();
});

test.skipIf(!existsSync(CHROMIUM))('an operation with the recursive remote-UI tree opens with its schemas and examples', { timeout: 60_000 }, async () => {
  const context = await browser!.newContext();
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${t.url}/docs`);
  await page.locator('.opblock-tag[data-tag="Extensions"]').click();
  const register = page.locator('.opblock', { has: page.locator('[data-path="/apps/api/blocks/{slug}/portal-extensions"]') }).filter({ hasText: 'POST' });
  await register.locator('.opblock-summary').click();
  await expect.poll(() => register.locator('.responses-table .response').count(), { timeout: 20_000 }).toBeGreaterThan(3);
  const body = await register.locator('.opblock-body').innerText();
  expect(body).toContain('"tree"');
  expect(body).toContain('"children"');
  expect(await page.locator('text=Could not render').count()).toBe(0);
  expect(pageErrors).toEqual([]);
  await context.close();
});
