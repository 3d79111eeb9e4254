import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningWorker } from '@cartly/worker';
import { createLoggedInCustomer, createShop, rest, setShopSettings, startTestApi, type TestApi, type TestShop } from '../../api/test/harness.js';
import { fulfilledOrder, startReturnsWorker, terminateWorkflows, uniqueTaskQueue, type FulfilledOrder } from '../../api/test/returns.js';
import { codeIn, sql } from '../../api/test/passwordless.js';
import { adjustPoints, createReward } from '../../api/test/portal-core-loyalty.js';
import type { MockSmsSender } from '../../api/src/adapters/sms/mock.js';
import { launchChromium } from './browser.js';
import { builtWidget } from './build.js';
import { startStorefront, type Storefront } from './storefront.js';
import { nav, seriousViolations, shoot, SHOTS } from './pages.js';

/*
 * The widget in a real browser (Debian chromium), embedded in a storefront
 * page on another origin than the API, against the real API, PostgreSQL,
 * Temporal (the returns worker runs in-process) and SMTP.
 */

const EMAIL = 'widget-shopper@example.com';

let t: TestApi;
let worker: RunningWorker;
let browser: Browser;
let store: Storefront;
let shop: TestShop;
let unlisted: TestShop;
let customerId: string;
let order: FulfilledOrder;
let buildOutput: string;
const workflows: string[] = [];

beforeAll(async () => {
  buildOutput = builtWidget();
  [t, store, browser] = await Promise.all([
    // Several logins of one shopper within a minute: no resend cooldown here (the API's own tests cover it).
    startTestApi({ TEMPORAL_TASK_QUEUE: uniqueTaskQueue('widget'), OTP_RESEND_COOLDOWN_SECONDS: 0, OTP_MAX_PER_IDENTIFIER_15MIN: 100 }),
    startStorefront(),
    launchChromium(),
  ]);
  worker = await startReturnsWorker(t);
  shop = await createShop(t, 'Widget Shop');
  unlisted = await createShop(t, 'Shop that lists no storefront');
  await setShopSettings(t, shop, { storefrontOrigins: [store.origin], redirectAllowList: [`${store.origin}/`] });
  customerId = (await createLoggedInCustomer(t, shop, EMAIL)).customerId;
  order = await fulfilledOrder(t, shop, customerId);
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await store?.close();
  if (t) await terminateWorkflows(t, workflows).catch(() => undefined);
  await worker?.stop();
  await t?.close();
});

async function newPage(width = 1280, extra: Record<string, string> = {}, sat = shop.sat): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(store.url({ api: t.url, sat, ...extra }));
  return { context, page };
}

async function loginByEmailCode(page: Page, email = EMAIL): Promise<void> {
  const before = t.smtp.messages.length;
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect.poll(() => t.smtp.messages.slice(before).some((m) => m.to.includes(email)), { timeout: 20_000 }).toBe(true);
  const mail = t.smtp.messages.slice(before).find((m) => m.to.includes(email))!;
  await page.getByLabel('Code', { exact: true }).fill(codeIn(mail.text));
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Your account' }).waitFor();
}

it('builds one ES module and one classic script within the gzip budget, and prints their sizes', () => {
  expect(buildOutput).toMatch(/ES module\s+dist\/portal-widget\.mjs .* KB gzip/);
  const classic = /classic script\s+dist\/portal-widget\.js\s+[\d.]+ KB,\s+([\d.]+) KB gzip/.exec(buildOutput);
  expect(classic, buildOutput).not.toBeNull();
  expect(Number(classic![1])).toBeLessThanOrEqual(60);
});

describe('a shopper on the storefront page', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ({ context, page } = await newPage());
  });
  afterAll(async () => context?.close());

  it('logs in with the code emailed to them', async () => {
    await page.getByRole('heading', { name: 'Log in to your account' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'login-1280');
    await loginByEmailCode(page);
    await page.getByText(`Order #${order.number}`).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'overview-1280');
  });

  it('adds an address, then edits it', async () => {
    await nav(page, 'Addresses').click();
    await page.getByRole('heading', { name: 'Addresses' }).waitFor();
    await page.getByText('You have no saved addresses.').waitFor();
    await page.getByRole('button', { name: 'Add an address' }).click();
    const form = page.getByRole('form', { name: 'New address' });
    await form.getByLabel('Address', { exact: true }).fill('1 Harbour Road');
    await form.getByLabel('City').fill('Portsmouth');
    await form.getByLabel(/Country code/).fill('gb');
    await form.getByRole('button', { name: 'Save address' }).click();
    const card = page.getByRole('listitem', { name: 'Address 1 Harbour Road' });
    await card.getByText('Portsmouth').waitFor();
    await card.getByText('Default').waitFor();

    await card.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('form', { name: 'Edit address' });
    await edit.getByLabel('City').fill('Southampton');
    await edit.getByLabel('Postal code').fill('SO14 2AA');
    await edit.getByRole('button', { name: 'Save address' }).click();
    await card.getByText(/SO14 2AA Southampton/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'addresses-1280');

    const rows = await sql<{ city: string; zip: string }>(t, 'select city, zip from customer_address where customer_id = ?', [customerId]);
    expect(rows).toEqual([{ city: 'Southampton', zip: 'SO14 2AA' }]);
  });

  it('shows the API\'s own message for a bad field, and writes nothing', async () => {
    await page.getByRole('button', { name: 'Add an address' }).click();
    const form = page.getByRole('form', { name: 'New address' });
    await form.getByLabel('Address', { exact: true }).fill('2 Nowhere Lane');
    await form.getByLabel('City').fill('Nowhere');
    await form.getByLabel(/Country code/).fill('XYZ');
    await form.getByRole('button', { name: 'Save address' }).click();
    await form.getByRole('alert').getByText(/country_code/).waitFor();
    await form.locator('.cp-field-error', { hasText: 'ISO 3166' }).waitFor();
    expect(await form.getByLabel(/Country code/).getAttribute('aria-invalid')).toBe('true');
    await form.getByRole('button', { name: 'Cancel' }).click();
    expect(await sql(t, 'select 1 from customer_address where customer_id = ?', [customerId])).toHaveLength(1);
  });

  it('saves an item of an order to the wishlist and removes it again', async () => {
    await nav(page, 'Orders').click();
    await page.getByRole('button', { name: `#${order.number}` }).click();
    await page.getByRole('heading', { name: `Order #${order.number}` }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'order-detail-1280');
    const save = page.getByRole('button', { name: /^Save .* to wishlist$/ }).first();
    await save.click();
    await page.getByText('In your wishlist').first().waitFor();

    await nav(page, 'Wishlist').click();
    await page.getByRole('heading', { name: 'Wishlist' }).waitFor();
    await page.getByRole('button', { name: /^Remove Tee .* from wishlist$/ }).waitFor();
    expect(await sql(t, 'select 1 from wishlist_item where customer_id = ?', [customerId])).toHaveLength(1);
    await page.getByRole('button', { name: /^Remove .* from wishlist$/ }).click();
    await page.getByText('Your wishlist is empty.', { exact: false }).waitFor();
    expect(await sql(t, 'select 1 from wishlist_item where customer_id = ?', [customerId])).toHaveLength(0);
  });

  it('requests a return from the order page and sees it turn refunded after the merchant approves', async () => {
    await nav(page, 'Orders').click();
    await page.getByRole('button', { name: `#${order.number}` }).click();
    await page.getByRole('button', { name: 'Request a return' }).click();
    const form = page.getByRole('form', { name: 'Request a return' });
    const first = form.getByRole('group').first();
    await first.getByLabel(/Quantity to return/).selectOption('1');
    await first.getByLabel('Reason').selectOption('damaged');
    await form.getByLabel('Note to the shop (optional)').fill('The box was crushed.');
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Send return request' }).click();

    await page.getByRole('heading', { name: 'Returns' }).waitFor();
    await page.getByText(`Your return request for order #${order.number} was sent.`).waitFor();
    const card = page.getByRole('listitem', { name: `Return for order #${order.number}` });
    await card.getByText('Requested', { exact: true }).waitFor();
    await shoot(page, 'returns-1280');

    const [created] = await sql<{ id: string }>(t, 'select id from return_request where customer_id = ?', [customerId]);
    workflows.push(`rma-${created!.id}`);
    const approved = await rest(t, 'POST', `/admin/returns/${created!.id}/approve`, { bearer: shop.adminToken, body: {} });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);

    // The shopper comes back to the returns screen until the refund lands.
    await expect
      .poll(
        async () => {
          await nav(page, 'Overview').click();
          await nav(page, 'Returns').click();
          await card.getByText(/Requested|Approved|Refunded/).first().waitFor();
          return card.locator('.cp-badge').innerText();
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe('Refunded');
    await card.getByText('History').click();
    await card.getByRole('listitem').filter({ hasText: 'Refunded' }).last().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('sees the points balance and redeems an affordable reward for a discount code; a reward beyond the balance cannot be redeemed', async () => {
    const cheap = await createReward(t, shop, { name: '$5 off', kind: 'fixed_amount_discount', points_cost: 100, amount_cents: 500 });
    await createReward(t, shop, { name: 'Free tote', kind: 'free_shipping', points_cost: 5000 });
    expect((await adjustPoints(t, shop, customerId, 300, 'Welcome gift')).balance).toBe(300);

    await nav(page, 'Rewards').click();
    await page.getByRole('heading', { name: 'Rewards' }).waitFor();
    await page.getByText('Welcome gift', { exact: false }).waitFor();
    await page.locator('.cp-card strong', { hasText: /^300$/ }).waitFor();
    const tote = page.getByRole('listitem', { name: 'Free tote' });
    expect(await tote.getByRole('button', { name: 'Not enough points' }).isDisabled()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'rewards-1280');

    await page.getByRole('listitem', { name: '$5 off' }).getByRole('button', { name: 'Redeem' }).click();
    const issued = page.getByRole('status').filter({ hasText: 'Your code:' });
    await issued.waitFor();
    await page.locator('.cp-card strong', { hasText: /^200$/ }).waitFor();
    const [redemption] = await sql<{ code: string; points_spent: number }>(
      t, 'select code, points_spent from loyalty_redemption where customer_id = ? and reward_id = ?', [customerId, cheap.id],
    );
    expect(redemption!.points_spent).toBe(100);
    expect(await issued.locator('strong').innerText()).toBe(redemption!.code);
    expect(await sql(t, 'select 1 from loyalty_redemption where customer_id = ?', [customerId])).toHaveLength(1);
  });

  it('logs out: the token is revoked on the server and forgotten in the page', async () => {
    const stored = await page.evaluate(() => Object.values(sessionStorage).join(''));
    const cat = /"accessToken":"([^"]+)"/.exec(stored)![1]!;
    await nav(page, 'Log out').click();
    await page.getByText('You are logged out.').waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect((await rest(t, 'GET', '/storefront/v1/customer/profile', { sat: shop.sat, bearer: cat })).status).toBe(401);
  });
});

describe('other ways in, and ways out', () => {
  it('logs in with a code by text message (a new customer signs up)', async () => {
    const { context, page } = await newPage();
    const sms = t.api.adapters.sms as MockSmsSender;
    const before = sms.messages.length;
    await page.getByLabel('Text me a code').check();
    await page.getByLabel('Phone number').fill('+14155550123');
    await page.getByRole('button', { name: 'Send code' }).click();
    await page.getByText(/by text message/).waitFor();
    await expect.poll(() => sms.messages.length, { timeout: 20_000 }).toBe(before + 1);
    await page.getByLabel('Code', { exact: true }).fill(codeIn(sms.messages.at(-1)!.body));
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    await page.getByText('+14155550123').waitFor();
    await context.close();
  });

  it('logs in with a magic link that brings the shopper back to the storefront page', async () => {
    const { context, page } = await newPage();
    const before = t.smtp.messages.length;
    await page.getByLabel('Email me a link').check();
    await page.getByLabel('Email', { exact: true }).fill(EMAIL);
    await page.getByRole('button', { name: 'Send link' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    await expect.poll(() => t.smtp.messages.slice(before).some((m) => m.to.includes(EMAIL)), { timeout: 20_000 }).toBe(true);
    const mail = t.smtp.messages.slice(before).find((m) => m.to.includes(EMAIL))!;
    // The emailed link points at PUBLIC_BASE_URL; this test's API listens on a port of its own.
    const link = /https?:\/\/\S+\/magic-link#token=[\w.-]+/.exec(mail.text)![0].replace(/^https?:\/\/[^/]+/, t.url);
    await page.goto(link);
    await page.getByRole('button', { name: 'Sign me in' }).click();
    await page.waitForURL((u) => u.origin === store.origin);
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    expect(new URL(page.url()).hash).not.toContain('access_token');
    await context.close();
  });

  it('a revoked session sends the shopper back to login with a message, never a blank screen', async () => {
    const { context, page } = await newPage();
    await loginByEmailCode(page);
    // The overview's own load must be answered first, or it (not the navigation) finds the session gone.
    await page.getByText(`Order #${order.number}`).first().waitFor();
    await sql(t, 'update customer_access_token set revoked_at = now() where customer_id = ? and revoked_at is null', [customerId]);
    await nav(page, 'Orders').click();
    await page.getByText('Your session has ended. Please log in again.').waitFor();
    await page.getByRole('heading', { name: 'Log in to your account' }).waitFor();
    await context.close();
  });

  it('a shop that does not list this storefront\'s origin gets no answer the page can read (CORS)', async () => {
    const { context, page } = await newPage(1280, {}, unlisted.sat);
    await page.getByLabel('Email', { exact: true }).fill(EMAIL);
    await page.getByRole('button', { name: 'Send code' }).click();
    await page.getByRole('alert').getByText('Could not reach the server', { exact: false }).waitFor();
    await context.close();
  });

  it('a wrong code shows the API\'s message and keeps the shopper on the code step', async () => {
    const { context, page } = await newPage();
    await page.getByLabel('Email', { exact: true }).fill('wrong-code@example.com');
    await page.getByRole('button', { name: 'Send code' }).click();
    await page.getByLabel('Code', { exact: true }).fill('000000');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').innerText()).toMatch(/code|invalid/i);
    await page.getByLabel('Code', { exact: true }).waitFor();
    await context.close();
  });
});

describe('embedding', () => {
  it('the <cartly-portal> element of the ES module renders the same portal', async () => {
    const { context, page } = await newPage(1280, { mode: 'element' });
    await page.getByRole('heading', { name: 'Log in to your account' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __widgetVersion: string }).__widgetVersion)).toBe('0.1.0');
    expect(await page.evaluate(() => document.querySelector('cartly-portal')!.shadowRoot!.mode)).toBe('open');
    await context.close();
  });

  it('a hostile host stylesheet changes nothing in the widget', async () => {
    const probe = async (hostile: boolean) => {
      const { context, page } = await newPage(1280, hostile ? { hostile: '1' } : {});
      await page.getByRole('heading', { name: 'Log in to your account' }).waitFor();
      const styles = await page.evaluate(() => {
        const root = document.getElementById('portal')!.shadowRoot!;
        const pick = (el: Element) => {
          const s = getComputedStyle(el);
          const box = el.getBoundingClientRect();
          return [s.display, s.visibility, s.opacity, s.color, s.backgroundColor, s.fontSize, s.fontFamily, s.lineHeight, s.letterSpacing, s.borderTopWidth, s.textTransform, s.direction, Math.round(box.width), Math.round(box.height)].join('|');
        };
        return ['h2', 'button[type=submit]', 'input[type=email]', 'label', 'fieldset'].map((sel) => `${sel}: ${pick(root.querySelector(sel)!)}`);
      });
      const visible = await page.getByRole('button', { name: 'Send code' }).isVisible();
      if (hostile) await shoot(page, 'login-hostile-css-1280');
      await context.close();
      return { styles, visible };
    };
    const clean = await probe(false);
    const hostile = await probe(true);
    expect(hostile.visible).toBe(true);
    expect(hostile.styles).toEqual(clean.styles);
  });

  it('works at 320 px wide: nothing overflows, and the main screens pass the accessibility check', async () => {
    const { context, page } = await newPage(320);
    await page.getByRole('heading', { name: 'Log in to your account' }).waitFor();
    await shoot(page, 'login-320');
    await loginByEmailCode(page);
    for (const [label, heading, shot] of [
      ['Overview', 'Your account', 'overview-320'],
      ['Orders', 'Orders', 'orders-320'],
      ['Returns', 'Returns', 'returns-320'],
      ['Addresses', 'Addresses', 'addresses-320'],
      ['Profile', 'Profile', 'profile-320'],
    ] as const) {
      await nav(page, label).click();
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      await page.locator('.cp-loading').waitFor({ state: 'detached' });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      expect(await seriousViolations(page), label).toEqual([]);
      await shoot(page, shot);
    }
    await context.close();
  });

  it('is keyboard operable with a visible focus ring', async () => {
    const { context, page } = await newPage();
    await page.getByRole('heading', { name: 'Log in to your account' }).waitFor();
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const el = document.getElementById('portal')!.shadowRoot!.activeElement!;
      const s = getComputedStyle(el);
      return { tag: el.tagName, outline: s.outlineStyle, width: s.outlineWidth };
    });
    expect(focus.tag).toBe('INPUT');
    expect(focus.outline).toBe('solid');
    expect(focus.width).toBe('3px');
    await context.close();
  });
});
