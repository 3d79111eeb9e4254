import { createHash, createHmac, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { decodeJwt } from 'jose';
import { Customer, CustomerAccessToken } from '@cartly/db';
import {
  createLoggedInCustomer, createShop, rest, setShopSettings, startTestApi, trpcClient, type TestApi, type TestShop,
} from '../../test/harness.js';
import { ageThrottle, codeIn, sql, startReplica, startReplicaWith, startSlowSmtpRelay } from '../../test/passwordless.js';
import { startSnsSink, type SmsSink } from '../../test/sms-sinks.js';
import { purgeStaleLoginState } from './purge.js';
import { DeliveryTiming } from './delivery-timing.js';
import { MAGIC_LINK_TOKEN_TYPE } from './magic-link.js';
import { completeLogin, loadShop } from './login.js';
import { createCustomer } from '../customers/create-customer.js';

/*
 * OTP login against real PostgreSQL, a real SMTP server and a loopback SNS
 * endpoint the real AWS SDK publishes to.
 */

let t: TestApi;
let sns: SmsSink;
const OTP_HASH_KEY = randomBytes(32).toString('hex');

beforeAll(async () => {
  sns = await startSnsSink();
  t = await startTestApi({
    SMS_PROVIDER: 'sns',
    SNS_ENDPOINT: sns.url,
    SNS_REGION: 'eu-west-1',
    SNS_ACCESS_KEY_ID: 'AKIDTEST',
    SNS_SECRET_ACCESS_KEY: 'test-secret',
    // Fixed so a second replica in this file shares it.
    OTP_HASH_KEY,
  });
});
afterAll(async () => {
  await t?.close();
  await sns?.close();
});

let n = 0;
const uniqueEmail = (label: string) => `${label}-${++n}-${randomBytes(3).toString('hex')}@example.com`;
const uniquePhone = () => `+1415555${String(1000 + (++n % 9000)).padStart(4, '0')}`;

const requestCode = (shop: TestShop, identifier: string, channel: 'email' | 'sms' = 'email', headers?: Record<string, string>) =>
  rest(t, 'POST', '/storefront/v1/customer/otp/request', { sat: shop.sat, body: { identifier, channel }, headers });
const verifyCode = (shop: TestShop, identifier: string, code: string) =>
  rest(t, 'POST', '/storefront/v1/customer/otp/verify', { sat: shop.sat, body: { identifier, code } });

async function mailedCode(to: string, after = 0): Promise<string> {
  const mail = await t.smtp.waitFor((m) => m.to.includes(to) && t.smtp.messages.indexOf(m) >= after);
  return codeIn(mail.text);
}

/** Any 6-digit code other than `code`. */
const wrong = (code: string, i = 1) => String((Number(code) + i) % 1_000_000).padStart(6, '0');

describe('email and SMS login end to end', () => {
  test('a known customer requests a code, receives it by SMTP and logs in with it', async () => {
    const shop = await createShop(t, 'Acme Outfitters');
    const email = uniqueEmail('ada');
    const { customerId } = await createLoggedInCustomer(t, shop, email);

    const requested = await requestCode(shop, `  ${email.toUpperCase()} `);
    expect(requested.status).toBe(200);
    expect(requested.body).toEqual({ accepted: true, resend_after_seconds: 60, expires_in_seconds: 900 });

    const mail = await t.smtp.waitFor((m) => m.to.includes(email));
    const code = codeIn(mail.text);
    expect(mail.subject).toContain('Acme Outfitters');
    expect(mail.html).toContain(code);
    expect(mail.html).toContain('Acme Outfitters');

    const verified = await verifyCode(shop, email, code);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ customer_id: customerId, access_token: expect.stringMatching(/^cat_/) });

    // It is a real CAT: the customer API accepts it.
    const profile = await rest(t, 'GET', '/storefront/v1/customer/profile', { sat: shop.sat, bearer: verified.body.access_token });
    expect(profile.status).toBe(200);
    expect(profile.body.email).toBe(email);

    // Single use.
    expect((await verifyCode(shop, email, code)).status).toBe(401);
  });

  test('an unknown phone receives its code through SNS Publish and signs up on first verification', async () => {
    const shop = await createShop(t, 'Phone Shop');
    const phone = uniquePhone();
    const formatted = `${phone.slice(0, 2)} (${phone.slice(2, 5)}) ${phone.slice(5, 8)}-${phone.slice(8)}`;
    const requested = await rest(t, 'POST', '/storefront/v1/customer/otp/request', { sat: shop.sat, body: { identifier: formatted, channel: 'sms' } });
    expect(requested.status).toBe(200);

    const sms = await sns.waitFor((m) => m.to === phone);
    expect(sms.meta.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDTEST\/\d{8}\/eu-west-1\/sns\//);
    expect(sms.meta.smsType).toBe('Transactional');
    expect(sms.body).toContain('Phone Shop');
    const code = codeIn(sms.body);

    const verified = await verifyCode(shop, phone, code);
    expect(verified.status).toBe(200);
    const profile = await rest(t, 'GET', '/storefront/v1/customer/profile', { sat: shop.sat, bearer: verified.body.access_token });
    expect(profile.body).toMatchObject({ id: verified.body.customer_id, phone, email: null });
  });

  test('the typed tRPC client logs in the same way', async () => {
    const shop = await createShop(t);
    const email = uniqueEmail('trpc');
    const client = trpcClient(t, { sat: shop.sat });
    await client.passwordless.otp.request.mutate({ identifier: email, channel: 'email' });
    const code = await mailedCode(email);
    const cat = await client.passwordless.otp.verify.mutate({ identifier: email, code });
    expect(cat.access_token).toMatch(/^cat_/);
  });

  test('a code of one shop does not log in at another shop', async () => {
    const shopA = await createShop(t);
    const shopB = await createShop(t);
    const email = uniqueEmail('cross');
    await requestCode(shopA, email);
    const code = await mailedCode(email);
    expect((await verifyCode(shopB, email, code)).status).toBe(401);
    expect((await verifyCode(shopA, email, code)).status).toBe(200);
  });

  test('only a hash of the code is stored', async () => {
    const shop = await createShop(t);
    const email = uniqueEmail('hash');
    await requestCode(shop, email);
    const code = await mailedCode(email);
    const rows = await sql<{ id: string; code_hash: string }>(t, 'select id, code_hash from otp_code where shop_id = ? and identifier = ?', [shop.shopId, email]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.code_hash).not.toContain(code);
    // It is the keyed HMAC bound to the row, not a plain hash anyone could brute-force from the table.
    const hmac = createHmac('sha256', Buffer.from(OTP_HASH_KEY, 'utf8')).update(`otp:v1:${rows[0]!.id}:${code}`).digest('hex');
    expect(rows[0]!.code_hash).toBe(hmac);
    expect(rows[0]!.code_hash).not.toBe(createHash('sha256').update(code).digest('hex'));
  });
});

describe('code lifetime and attempts', () => {
  test('after 5 wrong codes the 6th is refused and the right code no longer works', async () => {
    const shop = await createShop(t);
    const email = uniqueEmail('guess');
    await requestCode(shop, email);
    const code = await mailedCode(email);

    for (let i = 1; i <= 6; i++) {
      const res = await verifyCode(shop, email, wrong(code, i));
      expect(res.status).toBe(401);
      expect(res.body.error).toEqual({ code: 'UNAUTHENTICATED', message: 'invalid or expired code' });
    }
    // The failed attempts were committed although each request failed (and rolled back).
    const [row] = await sql<{ attempts: number }>(t, 'select attempts from otp_code where shop_id = ? and identifier = ?', [shop.shopId, email]);
    expect(row!.attempts).toBe(5);
    expect((await verifyCode(shop, email, code)).status).toBe(401);
  });

  test('4 wrong codes still leave the right one usable', async () => {
    const shop = await createShop(t);
    const email = uniqueEmail('four');
    await requestCode(shop, email);
    const code = await mailedCode(email);
    for (let i = 1; i <= 4; i++) expect((await verifyCode(shop, email, wrong(code, i))).status).toBe(401);
    expect((await verifyCode(shop, email, code)).status).toBe(200);
  });

  test('20 parallel verifications of one right code give exactly one CAT', async () => {
    const shop = await createShop(t);
    const email = uniqueEmail('race');
    const { customerId } = await createLoggedInCustomer(t, shop, email);
    await requestCode(shop, email);
    const code = await mailedCode(email);

    const results = await Promise.all(Array.from({ length: 20 }, () => verifyCode(shop, email, code)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    // The rest fail; past the identifier's verification limit (abuse.test.ts) with 429.
    expect(statuses.filter((s) => s === 401 || s === 429)).toHaveLength(19);
    // One CAT from the OTP plus the one createLoggedInCustomer issued.
    expect(await t.db.orm.em.fork().count(CustomerAccessToken, { shop: shop.shopId, customer: customerId })).toBe(2);
  });

  test('20 parallel verifications of a right code for a new identifier create one customer', async () => {
    const shop = await createShop(t);
    const email = uniqueEmail('race-signup');
    await requestCode(shop, email);
    const code = await mailedCode(email);
    const results = await Promise.all(Array.from({ length: 20 }, () => verifyCode(shop, email, code)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.some((r) => r.status >= 500)).toBe(false);
    expect(await t.db.orm.em.fork().count(Customer, { shop: shop.shopId, email })).toBe(1);
  });

  test('an expired code fails', async () => {
    const shop = await createShop(t);
    const email = uniqueEmail('expired');
    await requestCode(shop, email);
    const code = await mailedCode(email);
    await sql(t, `update otp_code set expires_at = now() - interval '1 second' where shop_id = ? and identifier = ?`, [shop.shopId, email]);
    expect((await verifyCode(shop, email, code)).status).toBe(401);
  });

  test('a new code voids the previous one', async () => {
    const shop = await createShop(t);
    const email = uniqueEmail('supersede');
    await requestCode(shop, email);
    const first = await mailedCode(email);
    await ageThrottle(t, 61);
    const before = t.smtp.messages.length;
    expect((await requestCode(shop, email)).status).toBe(200);
    const second = await mailedCode(email, before);
    if (first !== second) expect((await verifyCode(shop, email, first)).status).toBe(401);
    expect((await verifyCode(shop, email, second)).status).toBe(200);
    const states = await sql<{ state: string }>(t, 'select state from otp_code where shop_id = ? and identifier = ? order by created_at', [shop.shopId, email]);
    expect(states.map((s) => s.state)).toEqual(['superseded', 'used']);
  });

  test('a shop setting shortens the code\'s life, but never lengthens it past 15 minutes', async () => {
    const shop = await createShop(t);
    await setShopSettings(t, shop, { otpTtlMinutes: 5 });
    const email = uniqueEmail('short');
    const res = await requestCode(shop, email);
    expect(res.body.expires_in_seconds).toBe(300);
    const [row] = await sql<{ seconds: number }>(t, 'select extract(epoch from expires_at - created_at)::int as seconds from otp_code where shop_id = ? and identifier = ?', [shop.shopId, email]);
    // created_at is stamped at flush, a moment after the expiry was computed.
    expect(row!.seconds).toBeGreaterThanOrEqual(298);
    expect(row!.seconds).toBeLessThanOrEqual(300);

    await setShopSettings(t, shop, { otpTtlMinutes: 600 });
    expect((await requestCode(shop, uniqueEmail('long'))).body.expires_in_seconds).toBe(900);
  });
});

describe('identical answers for known and unknown identifiers', () => {
  async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
    const started = performance.now();
    const result = await fn();
    return [result, performance.now() - started];
  }

  test('with sign-up on, known and unknown emails get the same answer and both get a code', async () => {
    const shop = await createShop(t);
    const known = uniqueEmail('known');
    await createLoggedInCustomer(t, shop, known);
    const unknown = uniqueEmail('unknown');
    const a = await requestCode(shop, known);
    const b = await requestCode(shop, unknown);
    expect(a.status).toBe(b.status);
    expect(a.body).toEqual(b.body);
    await mailedCode(known);
    await mailedCode(unknown);
  });

  test('with sign-up off, the unknown email gets the same answer in about the same time, but no message and no account', async () => {
    const shop = await createShop(t);
    await setShopSettings(t, shop, { passwordlessSignup: false });
    const knownTimes: number[] = [];
    const unknownTimes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const known = uniqueEmail('k');
      await createLoggedInCustomer(t, shop, known);
      const unknown = uniqueEmail('u');
      const before = t.smtp.messages.length;
      const [a, ta] = await timed(() => requestCode(shop, known));
      const [b, tb] = await timed(() => requestCode(shop, unknown));
      expect(a.status).toBe(200);
      expect(b.status).toBe(200);
      expect(b.body).toEqual(a.body);
      expect(b.headers.get('content-length')).toBe(a.headers.get('content-length'));
      knownTimes.push(ta);
      unknownTimes.push(tb);
      await mailedCode(known, before);
      expect(t.smtp.messages.some((m) => m.to.includes(unknown))).toBe(false);
      // Same database work: the unknown identifier has a code row too (one nothing can match).
      expect(await sql(t, 'select 1 from otp_code where shop_id = ? and identifier = ?', [shop.shopId, unknown])).toHaveLength(1);

      // No code works for it, and no account appears.
      expect((await verifyCode(shop, unknown, '000000')).status).toBe(401);
      expect(await t.db.orm.em.fork().count(Customer, { shop: shop.shopId, email: unknown })).toBe(0);
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    // "Roughly the same time": the unknown identifier waits as long as recent deliveries took.
    expect(Math.abs(median(unknownTimes) - median(knownTimes))).toBeLessThan(Math.max(60, median(knownTimes)));
  });

  test('with sign-up off, the unknown identifier really waits as long as a delivery takes', async () => {
    // Deliveries that take ~400 ms on this replica: without the wait the answer would come back far sooner.
    const slow = await startReplicaWith(t, {}, (d) => ({ ...d, passwordless: { ...d.passwordless, deliveryTiming: new DeliveryTiming({ email: 400, sms: 400 }) } }));
    try {
      const shop = await createShop(t);
      await setShopSettings(t, shop, { passwordlessSignup: false });
      for (const [identifier, channel] of [[uniqueEmail('slow'), 'email'], [uniquePhone(), 'sms']] as const) {
        const [res, ms] = await timed(() => rest(slow, 'POST', '/storefront/v1/customer/otp/request', { sat: shop.sat, body: { identifier, channel } }));
        expect(res.status).toBe(200);
        // The wait is the average ±20 %.
        expect(ms).toBeGreaterThanOrEqual(0.8 * 400 - 5);
      }
    } finally {
      await slow.close();
    }
  });

  test('with sign-up off, a known customer still logs in', async () => {
    const shop = await createShop(t);
    await setShopSettings(t, shop, { passwordlessSignup: false });
    const email = uniqueEmail('member');
    const { customerId } = await createLoggedInCustomer(t, shop, email);
    await requestCode(shop, email);
    const res = await verifyCode(shop, email, await mailedCode(email));
    expect(res.body.customer_id).toBe(customerId);
  });
});

describe('identifiers', () => {
  const crafted = [
    '"a@evil.com"@shop.com',
    'victim＠shop.com',
    'a@evil.com＂@shop.com',
    'victim@shop．com',
    'a@evil.com,victim@shop.com',
    'victim@shop.com\r\nBcc: a@evil.com',
    '<a@evil.com>',
    'a(comment)@shop.com',
    'victim@[127.0.0.1]',
    'victim@shop.com.',
    '.victim@shop.com',
    'vic..tim@shop.com',
    'victim',
  ];

  test.each(crafted)('a crafted email %j gets 400 and sends nothing', async (identifier) => {
    const shop = await createShop(t);
    const before = t.smtp.messages.length;
    const res = await requestCode(shop, identifier);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.message).toMatch(/^identifier: /);
    // Give a stray message time to arrive before asserting none did.
    await new Promise((r) => setTimeout(r, 50));
    expect(t.smtp.messages.length).toBe(before);
    expect(await sql(t, 'select 1 from otp_code where shop_id = ?', [shop.shopId])).toHaveLength(0);
  });

  test('full-width letters are NFKC-normalised into the same account', async () => {
    const shop = await createShop(t);
    const email = uniqueEmail('wide');
    const { customerId } = await createLoggedInCustomer(t, shop, email);
    const wide = email.replace('wide', 'ｗｉｄｅ').toUpperCase();
    expect((await requestCode(shop, wide)).status).toBe(200);
    const res = await verifyCode(shop, wide, await mailedCode(email));
    expect(res.body.customer_id).toBe(customerId);
  });

  test.each(['4155550123', '+0415555012', '+1 415 555 01234567890', '+１４１５５５５０１２３'])('a phone that is not E.164 (%j) gets 400', async (identifier) => {
    const shop = await createShop(t);
    const res = await requestCode(shop, identifier, 'sms');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^identifier: .*E\.164/);
  });

  test('unknown fields and malformed codes are rejected', async () => {
    const shop = await createShop(t);
    expect((await rest(t, 'POST', '/storefront/v1/customer/otp/request', { sat: shop.sat, body: { identifier: 'a@example.com', channel: 'email', extra: 1 } })).status).toBe(400);
    expect((await rest(t, 'POST', '/storefront/v1/customer/otp/request', { sat: shop.sat, body: { identifier: 'a@example.com', channel: 'fax' } })).status).toBe(400);
    const bad = await verifyCode(shop, 'a@example.com', '12345');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^code: /);
    expect((await verifyCode(shop, 'a@example.com', '12345a')).status).toBe(400);
  });

  test('without a storefront token the routes answer 401', async () => {
    expect((await rest(t, 'POST', '/storefront/v1/customer/otp/request', { body: { identifier: 'a@example.com', channel: 'email' } })).status).toBe(401);
    expect((await rest(t, 'POST', '/storefront/v1/customer/otp/verify', { body: { identifier: 'a@example.com', code: '123456' } })).status).toBe(401);
  });
});

describe('limits', () => {
  test('a second request within 60 s gets 429 with Retry-After, for known and unknown identifiers alike', async () => {
    const shop = await createShop(t);
    const known = uniqueEmail('cool');
    await createLoggedInCustomer(t, shop, known);
    for (const email of [known, uniqueEmail('cool-unknown')]) {
      expect((await requestCode(shop, email)).status).toBe(200);
      const again = await requestCode(shop, email);
      expect(again.status).toBe(429);
      expect(again.body.error.code).toBe('RATE_LIMITED');
      const retry = Number(again.headers.get('retry-after'));
      expect(retry).toBeGreaterThan(55);
      expect(retry).toBeLessThanOrEqual(60);
    }
  });

  test('an identifier gets at most 5 codes per 15 minutes', async () => {
    const shop = await createShop(t);
    const email = uniqueEmail('cap15');
    for (let i = 0; i < 5; i++) {
      expect((await requestCode(shop, email)).status).toBe(200);
      await ageThrottle(t, 61);
    }
    const sixth = await requestCode(shop, email);
    expect(sixth.status).toBe(429);
    // The oldest of the five leaves the window 15 min after it was made (5 x 61 s ago).
    // Seconds elapse while the test runs, so allow a little slack below the exact figure.
    const retryAfter = Number(sixth.headers.get('retry-after'));
    expect(retryAfter).toBeLessThanOrEqual(15 * 60 - 5 * 61);
    expect(retryAfter).toBeGreaterThanOrEqual(15 * 60 - 5 * 61 - 5);
  });

  test('an identifier gets at most 20 codes per day', async () => {
    const shop = await createShop(t);
    const email = uniqueEmail('capday');
    for (let i = 0; i < 20; i++) {
      expect((await requestCode(shop, email)).status).toBe(200);
      await ageThrottle(t, 4 * 60);
    }
    const res = await requestCode(shop, email);
    expect(res.status).toBe(429);
    // The oldest request leaves the day window 24 h after it was made (20 x 4 min ago, plus the loop's real time).
    const retry = Number(res.headers.get('retry-after'));
    expect(retry).toBeLessThanOrEqual(24 * 3600 - 20 * 4 * 60);
    expect(retry).toBeGreaterThan(24 * 3600 - 20 * 4 * 60 - 30);
  });

  test('one IP gets at most 30 requests per 15 minutes per shop, whatever the identifiers', async () => {
    const shop = await createShop(t);
    await setShopSettings(t, shop, { passwordlessSignup: false });
    for (let i = 0; i < 30; i++) expect((await requestCode(shop, uniqueEmail('ip'))).status).toBe(200);
    const res = await requestCode(shop, uniqueEmail('ip'));
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another shop's limit is its own.
    expect((await requestCode(await createShop(t), uniqueEmail('ip'))).status).toBe(200);
  });

  test('limits hold across API replicas sharing the database', async () => {
    const replica = await startReplica(t, {});
    try {
      const shop = await createShop(t);
      const email = uniqueEmail('replica');
      expect((await requestCode(shop, email)).status).toBe(200);
      const other = await rest(replica, 'POST', '/storefront/v1/customer/otp/request', { sat: shop.sat, body: { identifier: email, channel: 'email' } });
      expect(other.status).toBe(429);
      // And a code sent through one replica verifies through the other.
      const code = await mailedCode(email);
      expect((await rest(replica, 'POST', '/storefront/v1/customer/otp/verify', { sat: shop.sat, body: { identifier: email, code } })).status).toBe(200);
    } finally {
      await replica.close();
    }
  });

  test('verification attempts per IP are capped, and the cap counts failures', async () => {
    const replica = await startReplica(t, { OTP_VERIFY_MAX_PER_IP_15MIN: 3 });
    try {
      const shop = await createShop(t);
      const verify = (code: string) => rest(replica, 'POST', '/storefront/v1/customer/otp/verify', { sat: shop.sat, body: { identifier: uniqueEmail('v'), code } });
      for (let i = 0; i < 3; i++) expect((await verify('123456')).status).toBe(401);
      const res = await verify('123456');
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(800);
    } finally {
      await replica.close();
    }
  });
});

describe('concurrent requests', () => {
  test('a second request for an identifier whose message is still being sent gets 429 at once, holding no connection', async () => {
    const relay = await startSlowSmtpRelay(t.smtp.url, 3000);
    const slow = await startReplica(t, { SMTP_URL: relay.url });
    try {
      const shop = await createShop(t);
      const email = uniqueEmail('concurrent');
      const answered: number[] = [];
      const request = async () => {
        const started = performance.now();
        const res = await rest(slow, 'POST', '/storefront/v1/customer/otp/request', { sat: shop.sat, body: { identifier: email, channel: 'email' } });
        answered.push(res.status);
        return { res, ms: performance.now() - started };
      };
      const results = await Promise.all([request(), request()]);
      const ok = results.filter((r) => r.res.status === 200);
      const limited = results.filter((r) => r.res.status === 429);
      expect(ok).toHaveLength(1);
      expect(limited).toHaveLength(1);
      expect(limited[0]!.res.body.error.code).toBe('RATE_LIMITED');
      expect(Number(limited[0]!.res.headers.get('retry-after'))).toBe(60);
      // The sender waited for its delivery (3 s at the relay); the refused one did not wait for it:
      // it was answered first. Order, not a stopwatch, so a loaded machine cannot flip it.
      expect(ok[0]!.ms).toBeGreaterThanOrEqual(2900);
      expect(answered).toEqual([429, 200]);
      // One code was sent and it works; the refused request left no trace.
      const code = await mailedCode(email);
      expect(await sql(t, 'select 1 from otp_code where shop_id = ? and identifier = ?', [shop.shopId, email])).toHaveLength(1);
      expect((await verifyCode(shop, email, code)).status).toBe(200);
    } finally {
      await slow.close();
      await relay.close();
    }
  });

  test('an OTP and a magic link signing up the same new email at once both log in as one new customer', async () => {
    const shop = await createShop(t);
    for (let i = 0; i < 5; i++) {
      const email = uniqueEmail('both');
      const before = t.smtp.messages.length;
      expect((await requestCode(shop, email)).status).toBe(200);
      const code = await mailedCode(email, before);
      const { token } = await t.api.adapters.keys.sign({ typ: MAGIC_LINK_TOKEN_TYPE, audience: shop.shopId, ttlSeconds: 900, claims: { email } });
      // As if it had been mailed: only the newest mailed link logs in (magic-link.ts).
      await sql(t, 'insert into magic_link_latest (id, shop_id, email, jti, created_at) values (gen_random_uuid(), ?, ?, ?, now())', [shop.shopId, email, decodeJwt(token).jti]);
      const [byCode, byLink] = await Promise.all([
        verifyCode(shop, email, code),
        rest(t, 'GET', `/storefront/v1/customer/magic-link/verify?token=${encodeURIComponent(token)}`),
      ]);
      expect(byCode.status).toBe(200);
      expect(byLink.status).toBe(200);
      expect(byLink.body.customer_id).toBe(byCode.body.customer_id);
      expect(await t.db.orm.em.fork().count(Customer, { shop: shop.shopId, email })).toBe(1);
    }
  });

  test('a first login that loses the sign-up race to a concurrent one logs in as the customer the other created', async () => {
    // Deterministic version of the race above: the other sign-up's insert is held uncommitted
    // until this login's own insert is waiting on the unique index.
    const shop = await createShop(t);
    const email = uniqueEmail('lost-race');
    const winner = t.db.orm.em.fork();
    await winner.begin();
    const created = await createCustomer(winner, shop.shopId, { email });
    const login = t.db.orm.em.fork().transactional(async (em) =>
      completeLogin(em, { shop: await loadShop(em, shop.shopId), channel: 'email', identifier: email, catTtlHours: 1, failure: 'code' }));
    await new Promise((r) => setTimeout(r, 300));
    await winner.commit();
    const result = await login;
    expect(result.customer_id).toBe(created.id);
    expect(await t.db.orm.em.fork().count(Customer, { shop: shop.shopId, email })).toBe(1);
    // The CAT it issued was committed with the login's transaction: it works.
    expect((await rest(t, 'GET', '/storefront/v1/customer/profile', { sat: shop.sat, bearer: result.access_token })).status).toBe(200);
  });
});

describe('delivery failures', () => {
  test('an SMS the provider refuses answers a clear error and leaves the previous code valid', async () => {
    const shop = await createShop(t);
    const phone = uniquePhone();
    await requestCode(shop, phone, 'sms');
    const first = codeIn((await sns.waitFor((m) => m.to === phone)).body);
    await ageThrottle(t, 61);

    sns.failNext(1);
    const failed = await requestCode(shop, phone, 'sms');
    expect(failed.status).toBe(500);
    expect(failed.body.error).toEqual({ code: 'INTERNAL', message: 'SMS delivery failed; any earlier code or link stays valid, try again shortly' });

    // The failed attempt did not use up the resend allowance either.
    expect((await verifyCode(shop, phone, first)).status).toBe(200);
    const again = await requestCode(shop, phone, 'sms');
    expect(again.status).toBe(200);
    // Answered after the provider accepted it: the first code and this one.
    expect(sns.messages.filter((m) => m.to === phone)).toHaveLength(2);
  });

  test('an unreachable SMTP server answers a clear error and leaves the previous code valid', async () => {
    const shop = await createShop(t);
    const email = uniqueEmail('smtp-down');
    await requestCode(shop, email);
    const first = await mailedCode(email);
    await ageThrottle(t, 61);

    // A replica whose SMTP server is down.
    const broken = await startReplica(t, { SMTP_URL: 'smtp://127.0.0.1:1' });
    try {
      const failed = await rest(broken, 'POST', '/storefront/v1/customer/otp/request', { sat: shop.sat, body: { identifier: email, channel: 'email' } });
      expect(failed.status).toBe(500);
      expect(failed.body.error.message).toBe('email delivery failed; any earlier code or link stays valid, try again shortly');
    } finally {
      await broken.close();
    }
    expect((await verifyCode(shop, email, first)).status).toBe(200);
  });
});

describe('development', () => {
  test('with no SMS provider configured, the code is printed to the console and the demo login works', async () => {
    const printed: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
    const dev = await startReplica(t, { NODE_ENV: 'development', SMS_PROVIDER: undefined });
    try {
      const shop = await createShop(t);
      const phone = uniquePhone();
      const requested = await rest(dev, 'POST', '/storefront/v1/customer/otp/request', { sat: shop.sat, body: { identifier: phone, channel: 'sms' } });
      expect(requested.status).toBe(200);
      const line = printed.find((l) => l.startsWith(`[sms:mock] to ${phone}: `));
      expect(line).toBeDefined();
      const verified = await rest(dev, 'POST', '/storefront/v1/customer/otp/verify', { sat: shop.sat, body: { identifier: phone, code: codeIn(line!) } });
      expect(verified.status).toBe(200);
      expect(sns.messages.some((m) => m.to === phone)).toBe(false);
    } finally {
      log.mockRestore();
      await dev.close();
    }
  });
});

describe('housekeeping', () => {
  test('state older than a day is purged; recent state and other shops are kept', async () => {
    const shop = await createShop(t);
    const other = await createShop(t);
    const old = uniqueEmail('old');
    const recent = uniqueEmail('recent');
    await requestCode(shop, old);
    await requestCode(other, old);
    await sql(t, `update rate_limit_window set updated_at = now() - interval '25 hours' where subject = ?`, [`id:${old}`]);
    await sql(t, `update otp_code set created_at = now() - interval '25 hours' where identifier = ?`, [old]);
    await requestCode(shop, recent);

    await t.db.orm.em.fork().transactional((em) => purgeStaleLoginState(em, shop.shopId, new Date()));

    const subjects = await sql<{ shop_id: string; subject: string }>(t, 'select shop_id, subject from rate_limit_window where shop_id in (?, ?)', [shop.shopId, other.shopId]);
    expect(subjects).not.toContainEqual({ shop_id: shop.shopId, subject: `id:${old}` });
    expect(subjects).toContainEqual({ shop_id: shop.shopId, subject: `id:${recent}` });
    expect(subjects).toContainEqual({ shop_id: other.shopId, subject: `id:${old}` });
    const codes = await sql<{ shop_id: string; identifier: string }>(t, 'select shop_id, identifier from otp_code where shop_id in (?, ?)', [shop.shopId, other.shopId]);
    expect(codes).toEqual(expect.arrayContaining([{ shop_id: shop.shopId, identifier: recent }, { shop_id: other.shopId, identifier: old }]));
    expect(codes).not.toContainEqual({ shop_id: shop.shopId, identifier: old });
  });

  test('used-link rows an hour past their link\'s expiry are purged; others are kept', async () => {
    const shop = await createShop(t);
    const other = await createShop(t);
    const stale = crypto.randomUUID();
    const live = crypto.randomUUID();
    const otherShops = crypto.randomUUID();
    const insert = (shopId: string, jti: string, expiresAgo: string) => sql(t,
      `insert into magic_link_use (id, shop_id, jti, expires_at, created_at) values (gen_random_uuid(), ?, ?, now() - interval '${expiresAgo}', now() - interval '1 day')`,
      [shopId, jti]);
    await insert(shop.shopId, stale, '61 minutes');
    await insert(shop.shopId, live, '59 minutes');
    await insert(other.shopId, otherShops, '2 hours');

    await t.db.orm.em.fork().transactional((em) => purgeStaleLoginState(em, shop.shopId, new Date()));

    const jtis = (await sql<{ jti: string }>(t, 'select jti from magic_link_use where shop_id in (?, ?)', [shop.shopId, other.shopId])).map((r) => r.jti);
    expect(jtis).not.toContain(stale);
    expect(jtis).toEqual(expect.arrayContaining([live, otherShops]));
  });
});
