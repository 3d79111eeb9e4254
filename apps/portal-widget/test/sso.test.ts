import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShop, rest, setShopSettings, startTestApi, type TestApi, type TestShop } from '../../api/test/harness.js';
import { createCompany } from '../../api/test/companies.js';
import { sql } from '../../api/test/passwordless.js';
import { startTestIdp, type TestIdp } from '../../api/test/oidc-provider.js';
import { launchChromium } from './browser.js';
import { builtWidget } from './build.js';
import { startStorefront, type Storefront } from './storefront.js';
import { loopbackOnly, nav, seriousViolations, shoot, SHOTS } from './pages.js';

/*
 * "Log in with your company" end to end in a real browser: the widget on the
 * storefront's origin, the real API, and a real OpenID provider (oidc-provider)
 * on loopback whose login and consent pages the browser fills in.
 */

const CLIENT = { client_id: 'cartly-portal', client_secret: 'portal-secret-for-tests' };

let t: TestApi;
let idp: TestIdp;
let browser: Browser;
let store: Storefront;
let shop: TestShop;

/** A free port, so the API's PUBLIC_BASE_URL (where the IdP sends the browser back) is its own address. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  builtWidget(); // the run's build (test/build-once.ts) must be there
  [t, store, browser, idp] = await Promise.all([
    startTestApi({ PORT: port, PUBLIC_BASE_URL: base }),
    startStorefront(),
    launchChromium(),
    startTestIdp({
      clients: [{ ...CLIENT, redirect_uris: [`${base}/storefront/v1/customer/sso/callback`], grant_types: ['authorization_code'], response_types: ['code'] }],
      accounts: { alice: { email: 'alice@acme-sso.example', name: 'Alice Acme' }, bob: { email: 'bob@locked.example' } },
    }),
  ]);
  shop = await createShop(t, 'SSO Shop');
  await setShopSettings(t, shop, { storefrontOrigins: [store.origin], redirectAllowList: [`${store.origin}/`] });
  const current = await rest(t, 'GET', '/admin/customer-portal/settings', { bearer: shop.adminToken });
  const settings = current.body.settings;
  settings.access.auth_methods = ['otp_email', 'magic_link', 'sso'];
  expect((await rest(t, 'PUT', '/admin/customer-portal/settings', { bearer: shop.adminToken, body: { settings } })).status).toBe(200);
  for (const [name, domain, enforce] of [['Acme SSO', 'acme-sso.example', false], ['Locked Corp', 'locked.example', true]] as const) {
    const company = await createCompany(t, shop, name);
    const put = await rest(t, 'PUT', `/admin/companies/${company.id}/sso`, {
      bearer: shop.adminToken,
      body: { provider: 'custom', issuer: idp.issuer, ...CLIENT, email_domains: [domain], default_role: 'buyer', enforce },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
  }
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await store?.close();
  await idp?.close();
  await t?.close();
});

async function open(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await loopbackOnly(context);
  const page = await context.newPage();
  await page.goto(store.url({ api: t.url, sat: shop.sat, shop: shop.shopId }));
  await page.getByRole('heading', { name: 'Log in to your account' }).waitFor();
  return page;
}

/** The test IdP's own login and consent pages (oidc-provider's devInteractions), as a person fills them in. */
async function signInAtIdp(page: Page, account: string, opts: { deny?: boolean } = {}): Promise<void> {
  await page.waitForURL((u) => u.origin === idp.issuer);
  await page.locator('input[name="login"]').fill(account);
  await page.locator('input[name="password"]').fill('any');
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((u) => u.origin !== idp.issuer || /\/interaction\//.test(u.pathname));
  if (new URL(page.url()).origin !== idp.issuer) return;
  if (opts.deny) await page.getByRole('link', { name: /Cancel/ }).click();
  else await page.locator('button[type="submit"]').click();
}

describe('log in with your company', () => {
  it('work email → the company\'s IdP → back on the storefront, logged in, as a member of the company', async () => {
    const page = await open();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Log in with your company' }).click();
    await page.getByRole('heading', { name: 'Log in with your company' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'sso-login-1280');
    await page.setViewportSize({ width: 320, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await shoot(page, 'sso-login-320');
    await page.getByLabel('Work email').fill('alice@acme-sso.example');
    await page.getByRole('button', { name: 'Continue' }).click();
    await signInAtIdp(page, 'alice');
    await page.waitForURL((u) => u.origin === store.origin);
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    expect(new URL(page.url()).hash).not.toContain('access_token');
    // The email's domain is the company's: the customer joined it at this first login.
    await nav(page, 'Company').click();
    await page.getByRole('heading', { name: 'Acme SSO' }).waitFor();
    const rows = await sql<{ role: string }>(t, "select m.role from company_membership m join customer c on c.id = m.customer_id where c.email = 'alice@acme-sso.example'");
    expect(rows).toEqual([{ role: 'buyer' }]);
    await page.context().close();
  });

  it('an email with no company sign-in is told so, and nothing leaves the page', async () => {
    const page = await open();
    await page.getByRole('button', { name: 'Log in with your company' }).click();
    await page.getByLabel('Work email').fill('someone@nocompany.example');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('alert').getByText('No company sign-in is set up for this email address.').waitFor();
    expect(new URL(page.url()).origin).toBe(store.origin);
    await page.context().close();
  });

  it('a domain that enforces SSO gets no email code: the form offers the company\'s sign-in instead; a refused sign-in comes back as a message', async () => {
    const page = await open();
    const mails = t.smtp.messages.length;
    await page.getByLabel('Email', { exact: true }).fill('bob@locked.example');
    await page.getByRole('button', { name: 'Send code' }).click();
    await page.getByRole('heading', { name: 'Log in with Locked Corp' }).waitFor();
    await page.getByText('No code or link was sent.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'sso-enforced-1280');
    expect(t.smtp.messages.length).toBe(mails);

    await page.getByRole('button', { name: 'Continue to Locked Corp' }).click();
    await signInAtIdp(page, 'bob', { deny: true });
    await page.waitForURL((u) => u.origin === store.origin);
    const alert = page.getByRole('alert');
    await alert.getByText(/Company sign-in did not work/).waitFor();
    expect(new URL(page.url()).hash).not.toContain('error=');
    await page.getByRole('heading', { name: 'Log in to your account' }).waitFor();
    await page.context().close();
  });

  it('the magic-link form gets the same enforced-SSO answer', async () => {
    const page = await open();
    await page.getByLabel('Email me a link').check();
    await page.getByLabel('Email', { exact: true }).fill('carol@locked.example');
    await page.getByRole('button', { name: 'Send link' }).click();
    await page.getByRole('heading', { name: 'Log in with Locked Corp' }).waitFor();
    await page.context().close();
  });

  it('a hand-made #error= fragment is shown as text, never as markup', async () => {
    const context = await browser.newContext();
    await loopbackOnly(context);
    const page = await context.newPage();
    const hostile = encodeURIComponent('<img src=x onerror="window.__pwned=1">');
    await page.goto(`${store.url({ api: t.url, sat: shop.sat, shop: shop.shopId })}#error=access_denied&error_description=${hostile}`);
    await page.getByRole('alert').getByText('<img src=x onerror="window.__pwned=1">', { exact: false }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __pwned: unknown }).__pwned)).toBe(false);
    await context.close();
  });
});
