import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.js';
import { buildPreparedFixture } from './build.js';
import { PREPARED_BUNDLE, startStorefront, type Storefront } from './storefront.js';

/*
 * What the real API cannot send, rendered in the browser from typed fixture
 * data: block content the API refuses at registration (javascript: frames and
 * links, SVG handlers — the widget's own defences must hold if a server check
 * ever fails), loyalty states, and a theme value that tries to inject a rule.
 * The same components against the real API: portal.test.ts, b2b.test.ts, extensions.test.ts.
 */

let browser: Browser;
let store: Storefront;

beforeAll(async () => {
  await buildPreparedFixture(PREPARED_BUNDLE);
  [browser, store] = await Promise.all([launchChromium(), startStorefront()]);
});
afterAll(async () => {
  await browser?.close();
  await store?.close();
});

async function open(query = ''): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${store.origin}/prepared${query}`);
  await page.getByRole('heading', { name: 'Fixture screens' }).waitFor();
  return page;
}

describe('extension slots', () => {
  it('render Liquid, iframe and remote-UI blocks, and hostile content in them runs nothing', async () => {
    const page = await open();
    await page.waitForTimeout(300); // let any onerror/animation handler fire, if one survived
    expect(await page.evaluate(() => (window as unknown as { __pwned: unknown }).__pwned)).toBe(false);
    const slot = page.locator('[data-slot="account_overview"]');
    await slot.getByText('from Liquid').waitFor();
    const inside = await page.evaluate(() => {
      const root = document.getElementById('host')!.shadowRoot!;
      return {
        scripts: root.querySelectorAll('script').length,
        handlers: [...root.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
        styles: root.querySelectorAll('.cp-liquid style').length,
        forms: root.querySelectorAll('.cp-liquid form, .cp-liquid input').length,
        frames: root.querySelectorAll('.cp-liquid iframe').length,
        links: [...root.querySelectorAll('.cp-liquid a, .cp-remote a')].map((a) => a.getAttribute('href')),
        iframes: [...root.querySelectorAll('.cp-block > iframe')].map((f) => ({ src: f.getAttribute('src'), sandbox: f.getAttribute('sandbox') })),
        remoteText: root.querySelector('.cp-remote')!.textContent,
        empty: root.querySelectorAll('[data-slot="footer"]').length,
      };
    });
    expect(inside).toMatchObject({ scripts: 0, handlers: 0, styles: 0, forms: 0, frames: 0, empty: 0 });
    expect(inside.links.every((h) => h === null || h.startsWith('https://'))).toBe(true);
    expect(inside.links).toContain('https://apps.example.com/help');
    expect(inside.links).toContain('https://apps.example.com/x');
    // allow-same-origin (which with allow-scripts undoes a sandbox) and top navigation are dropped; a javascript: frame is not rendered.
    expect(inside.iframes).toEqual([{ src: 'https://apps.example.com/embed', sandbox: 'allow-scripts allow-forms' }]);
    expect(inside.remoteText).toContain('Loyalty app');
    expect(inside.remoteText).toContain('<img src=x onerror="window.__pwned=1">'); // shown as text, never parsed
    expect(inside.remoteText).not.toContain('Evil link');
    expect(inside.remoteText).not.toContain('Evil button'); // a protocol-relative navigation is no portal path
    await page.context().close();
  });
});

describe('loyalty', () => {
  it('shows the balance and lets the customer redeem only what they can afford', async () => {
    const page = await open();
    await page.getByText('1,200').first().waitFor();
    await page.getByRole('button', { name: 'Redeem' }).click();
    expect(await page.evaluate(() => (window as unknown as { __redeemed: string }).__redeemed)).toBe('r1');
    expect(await page.getByRole('button', { name: 'Not enough points' }).isDisabled()).toBe(true);
    const serious = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => v.id)).toEqual([]);
    await page.context().close();
  });
});

describe('shop theme and custom CSS', () => {
  const look = (page: Page) =>
    page.evaluate(() => {
      const button = [...document.getElementById('host')!.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Themed button')!;
      const s = getComputedStyle(button);
      return { background: s.backgroundColor, radius: s.borderTopLeftRadius, transform: s.textTransform, spacing: s.letterSpacing, font: s.fontFamily, display: s.display };
    });

  it('the shop\'s theme and custom CSS change the widget; a theme value cannot inject a rule', async () => {
    const plain = await open();
    const before = await look(plain);
    await plain.context().close();
    const themed = await open('?theme=1&css=1');
    const after = await look(themed);
    await themed.context().close();
    expect(before).toMatchObject({ background: 'rgb(31, 95, 74)', transform: 'none' });
    expect(after).toMatchObject({ background: 'rgb(122, 31, 162)', transform: 'uppercase', spacing: '2px', display: 'inline-flex' });
    // The font value carried `; } * { display: none`: refused whole, the default font stays.
    expect(after.font).toBe(before.font);
  });
});
