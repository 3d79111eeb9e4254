import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createShop, rest, startTestApi, type TestApi, type TestShop } from '../../test/harness.js';
import { codeIn, startReplica } from '../../test/passwordless.js';
import type { RunningApi } from '../app.js';

/*
 * Limits an attacker leans on: bursts from one IP (on one or two replicas),
 * guessing across many codes of one identifier, and older magic links.
 */

let t: TestApi;
let replica: RunningApi;
const OTP_HASH_KEY = randomBytes(32).toString('hex');

beforeAll(async () => {
  t = await startTestApi({ OTP_HASH_KEY, OTP_RESEND_COOLDOWN_SECONDS: 0, OTP_MAX_PER_IDENTIFIER_15MIN: 100, OTP_MAX_PER_IDENTIFIER_DAY: 100 });
  replica = await startReplica(t, {});
});
afterAll(async () => {
  await replica?.close();
  await t?.close();
});

let n = 0;
const uniqueEmail = (label: string) => `${label}-${++n}-${randomBytes(3).toString('hex')}@example.com`;
const requestCode = (api: { url: string }, shop: TestShop, identifier: string) =>
  rest(api, 'POST', '/storefront/v1/customer/otp/request', { sat: shop.sat, body: { identifier, channel: 'email' } });
const verifyCode = (api: { url: string }, shop: TestShop, identifier: string, code: string) =>
  rest(api, 'POST', '/storefront/v1/customer/otp/verify', { sat: shop.sat, body: { identifier, code } });
const statuses = (rs: { status: number }[]) => rs.reduce<Record<number, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});

describe('per-IP limits under concurrency', () => {
  test('60 parallel code requests from one IP accept at most the configured 30', async () => {
    const shop = await createShop(t);
    const results = await Promise.all(Array.from({ length: 60 }, () => requestCode(t, shop, uniqueEmail('burst'))));
    const counts = statuses(results);
    expect(counts[200]).toBeLessThanOrEqual(t.env.OTP_MAX_PER_IP_15MIN);
    expect(counts[200]).toBeGreaterThan(0);
    expect((counts[200] ?? 0) + (counts[429] ?? 0)).toBe(60);
  });

  test('split across two replicas, 60 parallel requests still accept at most 30', async () => {
    const shop = await createShop(t);
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => requestCode(i % 2 ? replica : t, shop, uniqueEmail('split'))));
    expect(statuses(results)[200]).toBeLessThanOrEqual(t.env.OTP_MAX_PER_IP_15MIN);
  });

  test('150 parallel verifications from one IP evaluate at most the configured 100', async () => {
    const shop = await createShop(t);
    const results = await Promise.all(
      Array.from({ length: 150 }, (_, i) => verifyCode(i % 2 ? replica : t, shop, uniqueEmail('guess'), '000000')),
    );
    const counts = statuses(results);
    expect(counts[401]).toBeLessThanOrEqual(t.env.OTP_VERIFY_MAX_PER_IP_15MIN);
    expect(counts[429]).toBeGreaterThanOrEqual(150 - t.env.OTP_VERIFY_MAX_PER_IP_15MIN);
  });
});

describe('guessing across codes', () => {
  const wrong = (code: string, i: number) => String((Number(code) + i) % 1_000_000).padStart(6, '0');
  async function newCode(shop: TestShop, email: string): Promise<string> {
    const before = t.smtp.messages.length;
    expect((await requestCode(t, shop, email)).status).toBe(200);
    const mail = await t.smtp.waitFor((m) => m.to.includes(email) && t.smtp.messages.indexOf(m) >= before);
    return codeIn(mail.text);
  }
  /** `count` wrong guesses, each new code taking at most its 5; the statuses of the guesses. */
  async function guessWrong(shop: TestShop, email: string, count: number): Promise<number[]> {
    const out: number[] = [];
    let code = '';
    for (let i = 0; i < count; i++) {
      if (i % 5 === 0) code = await newCode(shop, email);
      out.push((await verifyCode(t, shop, email, wrong(code, i + 1))).status);
    }
    return out;
  }

  test('10 failures across codes in 15 minutes give 429, even for the right code; a success resets the count', async () => {
    const shop = await createShop(t);
    const email = uniqueEmail('victim');
    expect(await guessWrong(shop, email, 10)).toEqual(Array(10).fill(401));
    const code = await newCode(shop, email);
    expect((await verifyCode(t, shop, email, wrong(code, 1))).status).toBe(429);
    expect((await verifyCode(t, shop, email, code)).status).toBe(429);
    // Another identifier of the shop is not affected.
    const other = uniqueEmail('bystander');
    expect((await verifyCode(t, shop, other, await newCode(shop, other))).status).toBe(200);
  });

  test('30 failures in a day give 429 although each 15 minutes stayed under 10', async () => {
    const shop = await createShop(t);
    const email = uniqueEmail('slow');
    for (let round = 0; round < 3; round++) {
      expect(await guessWrong(shop, email, 10)).toEqual(Array(10).fill(401));
      await ageRows(shop, 16 * 60);
    }
    const code = await newCode(shop, email);
    expect((await verifyCode(t, shop, email, code)).status).toBe(429);
  });

  test('a right code resets the failures', async () => {
    const shop = await createShop(t);
    const email = uniqueEmail('typo');
    expect(await guessWrong(shop, email, 9)).toEqual(Array(9).fill(401));
    expect((await verifyCode(t, shop, email, await newCode(shop, email))).status).toBe(200);
    expect(await guessWrong(shop, email, 9)).toEqual(Array(9).fill(401));
  });
});

/** Lets time pass for one shop's limiter (test/passwordless.ts ageThrottle, for every shop, would disturb the other tests). */
async function ageRows(shop: TestShop, seconds: number): Promise<void> {
  await t.db.orm.em.fork().execute(
    `update rate_limit_window set hits = coalesce((select jsonb_agg((h::text)::bigint - ?) from jsonb_array_elements(hits) h), '[]'::jsonb) where shop_id = ?`,
    [seconds * 1000, shop.shopId],
  );
}

describe('magic links', () => {
  const requestLink = (shop: TestShop, email: string) =>
    rest(t, 'POST', '/storefront/v1/customer/magic-link/request', { sat: shop.sat, body: { email } });
  const verifyLink = (token: string) =>
    rest(t, 'GET', `/storefront/v1/customer/magic-link/verify?token=${encodeURIComponent(token)}`);
  async function mailedToken(shop: TestShop, email: string): Promise<string> {
    const before = t.smtp.messages.length;
    expect((await requestLink(shop, email)).status).toBe(200);
    const mail = await t.smtp.waitFor((m) => m.to.includes(email) && t.smtp.messages.indexOf(m) >= before);
    return /#token=([\w.-]+)/.exec(mail.text)![1]!;
  }

  test('a new link voids the older ones', async () => {
    const shop = await createShop(t);
    const email = uniqueEmail('links');
    const first = await mailedToken(shop, email);
    const second = await mailedToken(shop, email);
    expect((await verifyLink(first)).status).toBe(401);
    expect((await verifyLink(second)).status).toBe(200);
  });
});
