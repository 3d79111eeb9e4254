import { existsSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
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

test.skipIf(!existsSync(CHROMIUM))('the reference renders every operation in headless Chromium, with no request beyond loopback', async () => {
  const context = await browser!.newContext();
  const page = await context.newPage();
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  const blocked: string[] = [];
  page.on('console', (m) => { if (/Content Security Policy|Refused/i.test(m.text())) blocked.push(m.text()); });
  await page.goto(`${t.url}/docs`);
  // Tags start collapsed (over a hundred operations); every tag renders, and opening them shows their operations.
  await page.locator('.opblock-tag').first().waitFor({ timeout: 20_000 });
  await expect.poll(() => page.locator('.opblock-tag').count(), { timeout: 30_000 }).toBeGreaterThan(8);
  for (const tag of await page.locator('.opblock-tag').all()) await tag.click();
  await expect.poll(() => page.locator('.opblock').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(20);
  expect(await page.locator('.info .title').innerText()).toContain('Cartly Customer Portal API');
  expect(requested.filter((u) => !u.startsWith('data:')).map((u) => new URL(u).hostname).filter((h) => h !== '127.0.0.1')).toEqual([]);
  expect(requested.some((u) => u.endsWith('/openapi.json'))).toBe(true);
  expect(blocked).toEqual([]);
  await context.close();
});
