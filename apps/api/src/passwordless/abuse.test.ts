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
