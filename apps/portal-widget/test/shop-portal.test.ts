import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoggedInCustomer, createShop, rest, setShopSettings, startTestApi, type TestApi, type TestShop } from '../../api/test/harness.js';
import { installApp, registered } from '../../api/test/extensions.js';
import { createCompany, createLocation, createMember, orderOf, type Member } from '../../api/test/companies.js';
import { sql } from '../../api/test/passwordless.js';
import { seedDemo } from '../../api/src/cli/seed-demo.js';
import { issueCustomerToken } from '../../api/src/auth/credentials.js';
import { Customer } from '@cartly/db';
import { sessionKey } from '../src/session.js';
import { launchChromium } from './browser.js';
import { builtWidget } from './build.js';
import { startStorefront, type Storefront } from './storefront.js';
import { loopbackOnly, nav, pwned, seriousViolations, shoot, SHOTS } from './pages.js';

/*
 * The parts of the portal a shop configures, in a real browser against the
 * real API: app blocks in their extension slots, the company views of B2B
 * members, and the shop's portal settings and custom CSS. Logins are injected
 * as a stored session (the widget's own login is proven in portal.test.ts).
 */

const APP_HOST = 'apps.example.com';

let t: TestApi;
let browser: Browser;
let store: Storefront;
let shop: TestShop;
let styled: TestShop;

beforeAll(async () => {
  builtWidget(); // the run's build (test/build-once.ts) must be there
  [t, store, browser] = await Promise.all([startTestApi(), startStorefront(), launchChromium()]);
  [shop, styled] = await Promise.all([createShop(t, 'Blocks & Co'), createShop(t, 'Styled Shop')]);
  for (const s of [shop, styled]) await setShopSettings(t, s, { storefrontOrigins: [store.origin] });
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await store?.close();
  await t?.close();
});

/** A page of the storefront, logged in as `cat` when given. Requests to the app's iframe host are answered here. */
async function open(s: TestShop, opts: { cat?: string; width?: number; hostile?: boolean; withShopId?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: opts.width ?? 1280, height: 900 } });
  // The framed app page tries to reach the storefront's window: the sandbox (no same-origin) must stop it.
  await loopbackOnly(context, { [APP_HOST]: '<!doctype html><title>App frame</title><p id="inside">Reviews inside the frame</p><script>try { window.top.__pwned = "iframe" } catch (e) {}</script>' });
  if (opts.cat) {
    const key = sessionKey(t.url, s.sat);
    const value = JSON.stringify({ accessToken: opts.cat, expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    await context.addInitScript(([k, v]) => sessionStorage.setItem(k!, v!), [key, value]);
  }
  const page = await context.newPage();
  await page.goto(store.url({ api: t.url, sat: s.sat, ...(opts.withShopId === false ? {} : { shop: s.shopId }), ...(opts.hostile ? { hostile: '1' } : {}) }));
  return { context, page };
}

describe('extension slots', () => {
  let cat: string;
  let orderId: string;
  let orderNumber: number;

  beforeAll(async () => {
    const app = await installApp(t, shop, 'Reviews', [APP_HOST]);
    await registered(t, app, 'hello', {
      point: 'account_overview', kind: 'liquid', title: 'Hello block',
      template:
        '<p class="hello">Hello {{ customer.first_name }}, from Liquid at {{ shop.name }}</p>' +
        '<script>window.__pwned = "script"</script><img src="https://apps.example.com/x.png" onerror="window.__pwned = \'onerror\'">' +
        '<a href="javascript:window.__pwned=\'href\'">bad</a><a href="/orders">Your orders</a>',
    });
    await registered(t, app, 'reviews', { point: 'sidebar', kind: 'iframe', title: 'Reviews', url: `https://${APP_HOST}/embed`, settings: { height: 90 } });
    await registered(t, app, 'tracking', {
      point: 'order_detail', kind: 'remote_ui', title: 'Tracking',
      tree: {
        type: 'Banner', tone: 'info', title: 'Parcel tracking', children: [
          { type: 'Text', text: '<img src=x onerror="window.__pwned=\'remote\'">' },
          { type: 'Button', text: 'Rate this order', action: { type: 'event', name: 'rate.open', payload: { stars: 5 } } },
          { type: 'Link', text: 'All returns', href: '/returns' },
        ],
      },
    });
    const customer = await createLoggedInCustomer(t, shop, 'blocks@example.com');
    cat = customer.cat;
    const order = await orderOf(t, shop, customer.customerId, 1500);
    [orderId, orderNumber] = [order.id, order.number];
  });

  it('a Liquid block shows in the account overview, the iframe in the sidebar, sandboxed as the server says; their scripts and handlers run nothing', async () => {
    const { context, page } = await open(shop, { cat });
    const overview = page.locator('[data-slot="account_overview"]');
    await overview.getByText('Hello Test, from Liquid at Blocks & Co').waitFor();
    const frame = page.locator('[data-slot="sidebar"] iframe');
    await frame.waitFor();
    expect(await frame.getAttribute('sandbox')).toBe('allow-scripts allow-forms allow-popups allow-popups-to-escape-sandbox');
    expect(await frame.getAttribute('title')).toBe('Reviews');
    await page.frameLocator('[data-slot="sidebar"] iframe').locator('#inside').waitFor();
    await page.waitForTimeout(300); // let an onerror of the (aborted) image or the frame's script fire, had either survived
    expect(await pwned(page)).toBe(false);
    const inside = await page.evaluate(() => {
      const root = document.getElementById('portal')!.shadowRoot!;
      return {
        scripts: root.querySelectorAll('script').length,
        handlers: [...root.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
        hrefs: [...root.querySelectorAll('.cp-liquid a')].map((a) => a.getAttribute('href')),
      };
    });
    expect(inside).toEqual({ scripts: 0, handlers: 0, hrefs: [null, '/orders'] });
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'extensions-overview-1280');
    // A portal path in a block opens the widget's own screen.
    await overview.getByRole('link', { name: 'Your orders' }).click();
    await page.getByRole('heading', { name: 'Orders', exact: true }).waitFor();
    await context.close();
  });

  it('a remote-UI block is drawn with the widget\'s components on the order page; its button posts an event, its text stays text', async () => {
    const { context, page } = await open(shop, { cat });
    await nav(page, 'Orders').click();
    await page.getByRole('button', { name: `#${orderNumber}` }).click();
    await page.getByRole('heading', { name: `Order #${orderNumber}` }).waitFor();
    const block = page.locator('[data-slot="order_detail"]');
    await block.getByText('Parcel tracking').waitFor();
    await block.getByText('<img src=x onerror="window.__pwned=\'remote\'">').waitFor();
    await block.getByRole('button', { name: 'Rate this order' }).click();
    expect(await page.evaluate(() => (window as unknown as { __events: unknown[] }).__events)).toEqual([{ app: expect.any(String), block: 'tracking', name: 'rate.open', payload: { stars: 5 } }]);
    expect(await pwned(page)).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'extensions-order-detail-1280');
    await page.setViewportSize({ width: 320, height: 900 });
    await shoot(page, 'extensions-order-detail-320');
    await block.getByRole('button', { name: 'All returns' }).click();
    await page.getByRole('heading', { name: 'Returns', exact: true }).waitFor();
    expect(orderId).toBeTruthy();
    await context.close();
  });

  it('logged out, the account slots stay empty and the login screen still works', async () => {
    const { context, page } = await open(shop);
    await page.getByRole('heading', { name: 'Log in to your account' }).waitFor();
    expect(await page.locator('[data-slot]').count()).toBe(0);
    await context.close();
  });
});

describe('company views', () => {
  let buyer: Member;
  let viewer: Member;
  let admin: Member;
  let buyerOrder: { id: string; number: number };
  let viewerOrder: { id: string; number: number };

  beforeAll(async () => {
    const company = await createCompany(t, shop, 'Acme Corp');
    const location = await createLocation(t, shop, company.id, { name: 'Berlin office', budget: 5000, period: 'monthly' });
    [buyer, viewer, admin] = await Promise.all([
      createMember(t, shop, company.id, 'buyer'),
      createMember(t, shop, company.id, 'viewer'),
      createMember(t, shop, company.id, 'admin'),
    ]);
    buyerOrder = await orderOf(t, shop, buyer.customerId, 3000);
    viewerOrder = await orderOf(t, shop, viewer.customerId, 1000);
    expect(location.budget.remaining_cents).toBe(5000);
  });

  it('a buyer reorders against the location\'s budget: the budget shown drops, and a reorder beyond it shows the API\'s message', async () => {
    const { context, page } = await open(shop, { cat: buyer.cat });
    await nav(page, 'Company').click();
    await page.getByRole('heading', { name: 'Acme Corp' }).waitFor();
    const berlin = page.getByRole('listitem', { name: 'Location Berlin office' });
    await berlin.getByText(/\$50\.00 left of \$50\.00 this month/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'company-buyer-1280');

    await nav(page, 'Orders').click();
    await page.getByRole('button', { name: `#${buyerOrder.number}` }).click();
    const reorder = page.getByRole('listitem', { name: 'Reorder for Berlin office' });
    await reorder.getByText(/\$50\.00 left/).waitFor();
    await reorder.getByRole('button', { name: 'Order again for Berlin office' }).click();
    await page.getByRole('status').filter({ hasText: 'placed for Berlin office' }).waitFor();
    await reorder.getByText(/\$20\.00 left of \$50\.00/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'company-reorder-1280');

    await reorder.getByRole('button', { name: 'Order again for Berlin office' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const [{ spent } = { spent: '' }] = await sql<{ spent: string }>(t, 'select coalesce(sum(amount_cents), 0)::text as spent from company_budget_entry');
    expect(spent).toBe('3000'); // the second reorder wrote nothing
    expect(await alert.innerText()).toMatch(/budget/i);
    await reorder.getByText(/\$20\.00 left of \$50\.00/).waitFor();

    await page.setViewportSize({ width: 320, height: 900 });
    await nav(page, 'Company').click();
    await page.getByRole('heading', { name: 'Acme Corp' }).waitFor();
    await berlin.getByText(/\$20\.00 left/).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await shoot(page, 'company-buyer-320');
    await context.close();
  });

  it('a viewer sees the company but no reorder button, and no team management', async () => {
    const { context, page } = await open(shop, { cat: viewer.cat });
    await nav(page, 'Company').click();
    await page.getByText('Your role:').waitFor();
    await page.getByRole('listitem', { name: 'Location Berlin office' }).waitFor();
    expect(await page.getByRole('form', { name: 'Add a member' }).count()).toBe(0);
    await nav(page, 'Orders').click();
    await page.getByRole('button', { name: `#${viewerOrder.number}` }).click();
    await page.getByRole('heading', { name: `Order #${viewerOrder.number}` }).waitFor();
    await page.locator('.cp-loading').waitFor({ state: 'detached' });
    expect(await page.getByRole('button', { name: /Order again/ }).count()).toBe(0);
    await context.close();
  });

  it('an admin changes a member\'s role, adds a member and removes them again; the API records each', async () => {
    const { context, page } = await open(shop, { cat: admin.cat });
    await nav(page, 'Company').click();
    await page.getByRole('heading', { name: 'Acme Corp' }).waitFor();
    await page.getByRole('form', { name: 'Add a member' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'company-admin-1280');
    await page.setViewportSize({ width: 320, height: 900 });
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'company-admin-320');
    await page.setViewportSize({ width: 1280, height: 900 });
    // Every test member is called "Test Customer": the buyer's card by its membership id.
    const buyerCard = page.locator(`li[data-member="${buyer.membershipId}"]`);
    await buyerCard.getByLabel(/^Role of/).selectOption('viewer');
    await buyerCard.getByRole('button', { name: 'Change role' }).click();
    await expect.poll(async () => (await sql<{ role: string }>(t, 'select role from company_membership where id = ?', [buyer.membershipId]))[0]?.role).toBe('viewer');
    await expect.poll(() => page.locator('li.cp-card .cp-badge', { hasText: 'Buyer' }).count()).toBe(0);

    const add = page.getByRole('form', { name: 'Add a member' });
    await add.getByLabel('Work email').fill('new.hire@b2b.example.com');
    await add.getByLabel('Role', { exact: true }).selectOption('buyer');
    await add.getByRole('button', { name: 'Add member' }).click();
    const hire = page.getByRole('listitem', { name: 'Member new.hire@b2b.example.com' });
    await hire.waitFor();
    expect(await sql(t, "select 1 from company_membership m join customer c on c.id = m.customer_id where c.email = 'new.hire@b2b.example.com'")).toHaveLength(1);
    await hire.getByRole('button', { name: 'Remove new.hire@b2b.example.com' }).click();
    await hire.getByRole('button', { name: 'Confirm removal' }).click();
    await hire.waitFor({ state: 'detached' });
    expect(await sql(t, "select 1 from company_membership m join customer c on c.id = m.customer_id where c.email = 'new.hire@b2b.example.com'")).toHaveLength(0);
    await context.close();
  });

  it('a customer in no company sees no company entry', async () => {
    const loner = await createLoggedInCustomer(t, shop, 'loner@example.com');
    const { context, page } = await open(shop, { cat: loner.cat });
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    await page.locator('.cp-loading').waitFor({ state: 'detached' });
    expect(await nav(page, 'Company').count()).toBe(0);
    await context.close();
  });
});

describe('the shop\'s settings and custom CSS', () => {
  let cat: string;
  beforeAll(async () => {
    const current = await rest(t, 'GET', '/admin/customer-portal/settings', { bearer: styled.adminToken });
    expect(current.status).toBe(200);
    const settings = structuredClone(current.body.settings);
    settings.theme.primary_color = '#7a1fa2';
    settings.theme.border_radius_px = 0;
    settings.features.address_edit = false;
    settings.access.auth_methods = ['magic_link', 'otp_email'];
    settings.messaging.welcome_message = 'Welcome to the styled portal.';
    const saved = await rest(t, 'PUT', '/admin/customer-portal/settings', { bearer: styled.adminToken, body: { settings } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const css = await rest(t, 'PUT', '/admin/customer-portal/css', { bearer: styled.adminToken, body: { css: '.cp-button { text-transform: uppercase; letter-spacing: 2px; } .cp-title { color: #0b3d91; }' } });
    expect(css.status, JSON.stringify(css.body)).toBe(200);
    cat = (await createLoggedInCustomer(t, styled, 'styled@example.com')).cat;
  });

  const look = (page: Page) =>
    page.evaluate(() => {
      const root = document.getElementById('portal')!.shadowRoot!;
      const pick = (el: Element) => {
        const s = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        return [s.display, s.visibility, s.opacity, s.color, s.backgroundColor, s.fontSize, s.fontFamily, s.textTransform, s.letterSpacing, s.borderTopLeftRadius, s.borderTopWidth, Math.round(box.width), Math.round(box.height)].join('|');
      };
      return Object.fromEntries(['h2', 'button[type=submit]', 'input[type=email]', 'label'].map((sel) => [sel, pick(root.querySelector(sel)!)]));
    });

  it('the shop\'s theme and custom CSS change the widget; a hostile page stylesheet changes nothing', async () => {
    const plain = await open(styled, { withShopId: false });
    await plain.page.getByRole('heading', { name: 'Log in to your account' }).waitFor();
    const own = await look(plain.page);
    await plain.context.close();

    const shopLook = await open(styled);
    await shopLook.page.getByRole('heading', { name: 'Log in to your account' }).waitFor();
    const themed = await look(shopLook.page);
    await shopLook.context.close();

    const hostile = await open(styled, { hostile: true });
    await hostile.page.getByRole('heading', { name: 'Log in to your account' }).waitFor();
    expect(await hostile.page.getByRole('button', { name: 'Send link' }).isVisible()).toBe(true);
    const attacked = await look(hostile.page);
    await shoot(hostile.page, 'settings-login-hostile-css-1280');
    await hostile.context.close();

    const button = themed['button[type=submit]']!.split('|');
    expect(button[4]).toBe('rgb(122, 31, 162)'); // theme primary colour
    expect(button[7]).toBe('uppercase'); // the shop's CSS
    expect(button[8]).toBe('2px');
    expect(button[9]).toBe('0px'); // theme radius
    expect(themed.h2!.split('|')[3]).toBe('rgb(11, 61, 145)');
    expect(own['button[type=submit]']).not.toEqual(themed['button[type=submit]']);
    expect(attacked).toEqual(themed);
  });

  it('login methods the shop did not switch on are not offered, in the shop\'s order', async () => {
    const { context, page } = await open(styled);
    await page.getByRole('heading', { name: 'Log in to your account' }).waitFor();
    const offered = await page.getByRole('radio').evaluateAll((inputs) => inputs.map((i) => i.parentElement!.textContent));
    expect(offered).toEqual(['Email me a link', 'Email me a code']);
    expect(await page.getByText('Text me a code').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Log in with your company' }).count()).toBe(0); // `sso` is not listed
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('with address editing switched off, addresses are shown but cannot be changed; the welcome message shows', async () => {
    const { context, page } = await open(styled, { cat });
    await page.getByText('Welcome to the styled portal.').waitFor();
    await nav(page, 'Addresses').click();
    await page.getByRole('heading', { name: 'Addresses' }).waitFor();
    await page.getByText('To change an address, please contact the shop.').waitFor();
    expect(await page.getByRole('button', { name: 'Add an address' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'settings-addresses-1280');
    await page.setViewportSize({ width: 320, height: 900 });
    await shoot(page, 'settings-addresses-320');
    await context.close();
  });
});

describe('the demo shop of `npm start`', () => {
  it('shows the demo app\'s three blocks and, to the demo buyer, the company views', async () => {
    // As `npm start` runs it (cli/main.ts demo:seed): in one transaction.
    const { demo, token } = await t.db.orm.em.fork().transactional(async (em) => {
      const seeded = await seedDemo(em, { storefrontOrigins: [store.origin] });
      const buyer = await em.findOneOrFail(Customer, { shop: seeded.shop_id, email: 'b2b-buyer@cartly.test' });
      const cat = issueCustomerToken(em, { shopId: seeded.shop_id, customerId: buyer.id, ttlHours: 1 });
      await em.flush();
      return { demo: seeded, token: cat.token };
    });
    const demoShop = { shopId: demo.shop_id, sat: demo.storefront_access_token, adminToken: demo.admin_token };
    const { context, page } = await open(demoShop, { cat: token });
    const overview = page.locator('[data-slot="account_overview"]');
    await overview.getByText('Welcome back, Ben!').waitFor();
    await overview.locator('iframe[title="Rewards"]').waitFor();
    await overview.getByRole('button', { name: 'Get my link' }).waitFor();
    await shoot(page, 'demo-overview-1280');
    await nav(page, 'Company').click();
    await page.getByRole('heading', { name: 'Demo Supplies Ltd' }).waitFor();
    await page.getByRole('listitem', { name: 'Location Head office' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'demo-company-1280');
    await context.close();
  });
});
