import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { base64url, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { APP_SESSION_TOKEN_TYPE } from '@cartly/contracts/app-sessions';
import { Customer } from '@cartly/db';
import {
  createLoggedInCustomer, createShop, rest, setShopSettings, startTestApi, trpcClient, type TestApi, type TestShop,
} from '../../test/harness.js';
import { rawRequest } from '../../test/passwordless.js';
import { MAGIC_LINK_TOKEN_TYPE } from './magic-link.js';

/*
 * Magic links against real PostgreSQL and a real SMTP server. The configured
 * public base URL is deliberately not the address the test API listens on,
 * so a link built from the request would be caught.
 */

const PUBLIC_BASE_URL = 'https://portal.cartly.test';
let t: TestApi;

beforeAll(async () => {
  t = await startTestApi({ PUBLIC_BASE_URL });
});
afterAll(async () => {
  await t?.close();
});

let n = 0;
const uniqueEmail = (label: string) => `${label}-${++n}-${randomBytes(3).toString('hex')}@example.com`;

async function shopWithAllowList(): Promise<TestShop> {
  const shop = await createShop(t, 'Linkly');
  await setShopSettings(t, shop, { redirectAllowList: ['https://shop.example/account', 'http://127.0.0.1:3000/'] });
  return shop;
}

const requestLink = (shop: TestShop, email: string, redirect_url?: string) =>
  rest(t, 'POST', '/storefront/v1/customer/magic-link/request', { sat: shop.sat, body: { email, ...(redirect_url ? { redirect_url } : {}) } });
const verifyLink = (token: string, sat?: string) =>
  rest(t, 'GET', `/storefront/v1/customer/magic-link/verify?token=${encodeURIComponent(token)}`, { sat });

/** The link from the newest mail to `to`. */
async function mailedLink(to: string, after = 0): Promise<{ url: URL; token: string; text: string; html: string }> {
  const mail = await t.smtp.waitFor((m) => m.to.includes(to) && t.smtp.messages.indexOf(m) >= after);
  const match = /https?:\/\/\S+#token=[\w.-]+/.exec(mail.text);
  if (!match) throw new Error(`no link in: ${mail.text}`);
  const url = new URL(match[0]);
  return { url, token: new URLSearchParams(url.hash.slice(1)).get('token')!, text: mail.text, html: mail.html };
}

/** A token signed with the server's own key, with any claims, for the hostile cases. */
function serverSigned(opts: { shopId: string; email: string; typ?: string; now?: Date; ttlSeconds?: number }) {
  return t.api.adapters.keys.sign({
    typ: opts.typ ?? MAGIC_LINK_TOKEN_TYPE,
    audience: opts.shopId,
    ttlSeconds: opts.ttlSeconds ?? 900,
    claims: { email: opts.email },
    now: opts.now,
  });
}

describe('magic link end to end', () => {
  test('the link arrives by SMTP, points at the configured base URL and logs in exactly once', async () => {
    const shop = await shopWithAllowList();
    const email = uniqueEmail('link');
    const { customerId } = await createLoggedInCustomer(t, shop, email);

    const requested = await requestLink(shop, email, 'https://shop.example/account/orders?tab=recent');
    expect(requested.status).toBe(200);
    expect(requested.body).toEqual({ accepted: true, resend_after_seconds: 60, expires_in_seconds: 900 });

    const link = await mailedLink(email);
    expect(`${link.url.origin}${link.url.pathname}`).toBe(`${PUBLIC_BASE_URL}/magic-link`);
    expect(link.url.search).toBe('');
    expect(link.html).toContain('Linkly');
    // The HTML link is the same URL, with & escaped.
    expect(link.html).toContain(link.url.toString().replace(/&/g, '&amp;'));

    const verified = await verifyLink(link.token);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({
      customer_id: customerId,
      access_token: expect.stringMatching(/^cat_/),
      redirect_url: 'https://shop.example/account/orders?tab=recent',
    });
    const profile = await rest(t, 'GET', '/storefront/v1/customer/profile', { sat: shop.sat, bearer: verified.body.access_token });
    expect(profile.body.email).toBe(email);

    // Replay.
    const replay = await verifyLink(link.token);
    expect(replay.status).toBe(401);
    expect(replay.body.error).toEqual({ code: 'UNAUTHENTICATED', message: 'invalid or expired login link' });
  });

  test('fetching the emailed URL, as a mail scanner does, gets a static page and leaves the token usable', async () => {
    const shop = await shopWithAllowList();
    const email = uniqueEmail('scanner');
    await requestLink(shop, email);
    const link = await mailedLink(email);

    // What a scanner sends: the URL without its fragment (fetch never sends one), GET and HEAD.
    const onThisServer = `${t.url}${link.url.pathname}${link.url.search}${link.url.hash}`;
    for (let i = 0; i < 3; i++) {
      const page = await fetch(onThisServer);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none'; script-src 'sha256-[^']+'; style-src 'sha256-[^']+'; connect-src 'self'/);
      const html = await page.text();
      // No external resources, and nothing that acts on load.
      expect(html).not.toMatch(/\b(src|href|action)=/i);
      expect(html).not.toMatch(/https?:\/\//);
      expect(html).toContain('storefront/v1/customer/magic-link/verify');
      expect(html).toContain("location.hash");
    }
    expect((await fetch(onThisServer, { method: 'HEAD' })).status).toBe(200);

    // The customer's click still works, once.
    expect((await verifyLink(link.token)).status).toBe(200);
    expect((await verifyLink(link.token)).status).toBe(401);
  });

  test('a link requested with a forged Host header still points at the configured base URL', async () => {
    const shop = await shopWithAllowList();
    const email = uniqueEmail('host');
    const res = await rawRequest(`${t.url}/storefront/v1/customer/magic-link/request`, {
      method: 'POST',
      headers: {
        host: 'evil.example',
        'x-forwarded-host': 'evil.example',
        'x-forwarded-proto': 'http',
        forwarded: 'host=evil.example',
        'content-type': 'application/json',
        'x-shopify-storefront-access-token': shop.sat,
      },
      body: JSON.stringify({ email }),
    });
    expect(res.status).toBe(200);
    const link = await mailedLink(email);
    expect(link.url.origin).toBe(PUBLIC_BASE_URL);
    expect(link.text).not.toContain('evil');
    expect(link.html).not.toContain('evil');
  });

  test('an unknown email signs up through the link; the typed client works the same', async () => {
    const shop = await shopWithAllowList();
    const email = uniqueEmail('newcomer');
    const client = trpcClient(t, { sat: shop.sat });
    await client.passwordless.magicLink.request.mutate({ email });
    const link = await mailedLink(email);
    const login = await client.passwordless.magicLink.verify.mutate({ token: link.token });
    expect(login.redirect_url).toBeNull();
    const customer = await t.db.orm.em.fork().findOneOrFail(Customer, { shop: shop.shopId, email });
    expect(login.customer_id).toBe(customer.id);
  });

  test('two concurrent uses of one link give exactly one CAT', async () => {
    const shop = await shopWithAllowList();
    const email = uniqueEmail('race');
    await requestLink(shop, email);
    const link = await mailedLink(email);
    const results = await Promise.all(Array.from({ length: 10 }, () => verifyLink(link.token)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 401)).toHaveLength(9);
  });

  test('a storefront token is optional on verify, but must be of the link\'s shop', async () => {
    const shop = await shopWithAllowList();
    const other = await createShop(t);
    const email = uniqueEmail('sat');
    await createLoggedInCustomer(t, shop, email);
    const a = await serverSigned({ shopId: shop.shopId, email });
    expect((await verifyLink(a.token, other.sat)).status).toBe(401);
    expect((await verifyLink(a.token, 'sat_not-a-real-token')).status).toBe(401);
    expect((await verifyLink(a.token, shop.sat)).status).toBe(200);
  });
});

describe('hostile tokens get 401', () => {
  let shop: TestShop;
  let email: string;
  beforeAll(async () => {
    shop = await shopWithAllowList();
    email = uniqueEmail('target');
    await createLoggedInCustomer(t, shop, email);
  });

  test('an expired link', async () => {
    const { token } = await serverSigned({ shopId: shop.shopId, email, now: new Date(Date.now() - 16 * 60_000) });
    expect((await verifyLink(token)).status).toBe(401);
  });

  test('a link claiming a longer life than 15 minutes', async () => {
    const { token } = await serverSigned({ shopId: shop.shopId, email, now: new Date(Date.now() - 20 * 60_000), ttlSeconds: 3600 });
    expect((await verifyLink(token)).status).toBe(401);
  });

  test('a tampered link (another email in the payload)', async () => {
    const { token } = await serverSigned({ shopId: shop.shopId, email: uniqueEmail('me') });
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload!)));
    const forged = base64url.encode(JSON.stringify({ ...claims, email }));
    expect((await verifyLink(`${header}.${forged}.${signature}`)).status).toBe(401);
  });

  test('alg: none', async () => {
    const { token } = await serverSigned({ shopId: shop.shopId, email });
    const [header, payload] = token.split('.');
    const none = base64url.encode(JSON.stringify({ ...JSON.parse(new TextDecoder().decode(base64url.decode(header!))), alg: 'none' }));
    expect((await verifyLink(`${none}.${payload}.`)).status).toBe(401);
    expect((await verifyLink(`${none}.${payload}`)).status).toBe(401);
  });

  test('HS256 keyed with the published public key (algorithm confusion)', async () => {
    const { keys } = (await rest(t, 'GET', '/.well-known/jwks.json')).body;
    const publicKeyBytes = new TextEncoder().encode(JSON.stringify(keys[0]));
    const token = await new SignJWT({ email })
      .setProtectedHeader({ alg: 'HS256', kid: keys[0].kid, typ: MAGIC_LINK_TOKEN_TYPE })
      .setIssuer(PUBLIC_BASE_URL).setAudience(shop.shopId).setJti(crypto.randomUUID()).setIssuedAt().setExpirationTime('15m')
      .sign(publicKeyBytes);
    expect((await verifyLink(token)).status).toBe(401);
  });

  test('signed with another key under the server\'s kid', async () => {
    const { keys } = (await rest(t, 'GET', '/.well-known/jwks.json')).body;
    const { privateKey } = await generateKeyPair('ES256');
    const token = await new SignJWT({ email })
      .setProtectedHeader({ alg: 'ES256', kid: keys[0].kid, typ: MAGIC_LINK_TOKEN_TYPE })
      .setIssuer(PUBLIC_BASE_URL).setAudience(shop.shopId).setJti(crypto.randomUUID()).setIssuedAt().setExpirationTime('15m')
      .sign(privateKey);
    expect((await verifyLink(token)).status).toBe(401);
  });

  test('signed with an unknown key and kid', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const token = await new SignJWT({ email })
      .setProtectedHeader({ alg: 'ES256', kid: 'attacker', typ: MAGIC_LINK_TOKEN_TYPE, jwk: await exportJWK(publicKey) })
      .setIssuer(PUBLIC_BASE_URL).setAudience(shop.shopId).setJti(crypto.randomUUID()).setIssuedAt().setExpirationTime('15m')
      .sign(privateKey);
    expect((await verifyLink(token)).status).toBe(401);
  });

  test.each(['JWT', APP_SESSION_TOKEN_TYPE, 'cartly-magic-link'])('the wrong typ %j', async (typ) => {
    const { token } = await serverSigned({ shopId: shop.shopId, email, typ });
    expect((await verifyLink(token)).status).toBe(401);
  });

  test('an app session token presented as a magic link', async () => {
    const { token } = await t.api.adapters.keys.sign({
      typ: APP_SESSION_TOKEN_TYPE, audience: shop.shopId, subject: 'x', ttlSeconds: 300, claims: { email },
    });
    expect((await verifyLink(token)).status).toBe(401);
  });

  test('a link for a shop that does not exist, or for no shop', async () => {
    expect((await verifyLink((await serverSigned({ shopId: crypto.randomUUID(), email })).token)).status).toBe(401);
    expect((await verifyLink((await serverSigned({ shopId: 'not-a-shop', email })).token)).status).toBe(401);
  });

  test('garbage and oversized tokens', async () => {
    expect((await verifyLink('not.a.jwt')).status).toBe(401);
    expect((await verifyLink('x'.repeat(5000))).status).toBe(400);
    expect((await rest(t, 'GET', '/storefront/v1/customer/magic-link/verify')).status).toBe(400);
  });

  test('a magic link presented as a customer access token', async () => {
    const { token } = await serverSigned({ shopId: shop.shopId, email });
    const res = await rest(t, 'GET', '/storefront/v1/customer/profile', { sat: shop.sat, bearer: token });
    expect(res.status).toBe(401);
    // And the link itself is still unused.
    expect((await verifyLink(token)).status).toBe(200);
  });
});

describe('redirects', () => {
  test.each([
    'https://shop.example/accounts',
    'https://shop.example.evil.test/account',
    'https://shop.example@evil.test/account',
    'https://user:pw@shop.example/account',
    'https://evil.test/https://shop.example/account',
    'http://shop.example/account',
    'javascript:alert(1)//https://shop.example/account',
    '//evil.test/account',
    'https://shop.example:8443/account',
  ])('redirect_url %j is not on the allow-list: 400 and nothing sent', async (redirect) => {
    const shop = await shopWithAllowList();
    const before = t.smtp.messages.length;
    const res = await requestLink(shop, uniqueEmail('redir'), redirect);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('redirect_url: is not on the shop\'s redirect allow-list');
    await new Promise((r) => setTimeout(r, 50));
    expect(t.smtp.messages.length).toBe(before);
  });

  test('a shop without an allow-list accepts no redirect_url', async () => {
    const shop = await createShop(t);
    expect((await requestLink(shop, uniqueEmail('none'), 'https://shop.example/account')).status).toBe(400);
  });

  test('a redirect removed from the allow-list after the link was sent is dropped at verification', async () => {
    const shop = await shopWithAllowList();
    const email = uniqueEmail('late');
    await requestLink(shop, email, 'http://127.0.0.1:3000/portal');
    const link = await mailedLink(email);
    await setShopSettings(t, shop, { redirectAllowList: ['https://shop.example/account'] });
    const res = await verifyLink(link.token);
    expect(res.status).toBe(200);
    expect(res.body.redirect_url).toBeNull();
  });
});

describe('requests', () => {
  test('known and unknown emails get identical answers; with sign-up off the unknown one gets no mail', async () => {
    const shop = await shopWithAllowList();
    await setShopSettings(t, shop, { passwordlessSignup: false });
    const known = uniqueEmail('known');
    await createLoggedInCustomer(t, shop, known);
    const unknown = uniqueEmail('unknown');
    const a = await requestLink(shop, known);
    const b = await requestLink(shop, unknown);
    expect(b.status).toBe(a.status);
    expect(b.body).toEqual(a.body);
    await mailedLink(known);
    expect(t.smtp.messages.some((m) => m.to.includes(unknown))).toBe(false);
  });

  test('link and code requests share the per-identifier limits', async () => {
    const shop = await shopWithAllowList();
    const email = uniqueEmail('shared');
    expect((await requestLink(shop, email)).status).toBe(200);
    const code = await rest(t, 'POST', '/storefront/v1/customer/otp/request', { sat: shop.sat, body: { identifier: email, channel: 'email' } });
    expect(code.status).toBe(429);
    expect(Number(code.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  test.each(['"a@evil.com"@shop.example', 'victim＠shop.example'])('a crafted email %j gets 400 naming the field', async (email) => {
    const shop = await shopWithAllowList();
    const res = await requestLink(shop, email);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^email: /);
  });
});
