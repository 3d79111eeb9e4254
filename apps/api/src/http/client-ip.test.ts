import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createShop, rest, startTestApi, type TestApi, type TestShop } from '../../test/harness.js';
import { ipLimitKey } from '../lib/ip-limit-key.js';

/*
 * Behind one trusted proxy (TRUST_PROXY, one hop) the client is the entry the
 * proxy appended; whatever the client wrote to the left must not move it.
 */

let t: TestApi;
const LIMIT = 3;

beforeAll(async () => {
  t = await startTestApi({ TRUST_PROXY: 'true' as unknown as boolean, OTP_MAX_PER_IP_15MIN: LIMIT });
});
afterAll(() => t?.close());

let n = 0;
const email = () => `ip-${++n}-${randomBytes(3).toString('hex')}@example.com`;
const requestFrom = (shop: TestShop, xff: string) =>
  rest(t, 'POST', '/storefront/v1/customer/otp/request', {
    sat: shop.sat, body: { identifier: email(), channel: 'email' }, headers: { 'X-Forwarded-For': xff },
  });

test('rotating the client-written X-Forwarded-For entries does not escape the per-IP limit', async () => {
  const shop = await createShop(t);
  const statuses: number[] = [];
  for (let i = 0; i < LIMIT + 2; i++) statuses.push((await requestFrom(shop, `198.51.100.${i + 1}, 203.0.113.7`)).status);
  expect(statuses).toEqual([200, 200, 200, 429, 429]);
  // Another client behind the same proxy has its own count.
  expect((await requestFrom(shop, '198.51.100.1, 203.0.113.8')).status).toBe(200);
});

test('an oversized or invalid entry falls back to the socket address instead of failing', async () => {
  const shop = await createShop(t);
  const huge = await requestFrom(shop, 'x'.repeat(500));
  expect(huge.status).toBe(200);
  const garbage = await requestFrom(shop, 'not-an-ip');
  expect(garbage.status).toBe(200);
  // Both were counted against the one socket address (loopback).
  await requestFrom(shop, `${'9'.repeat(300)}`);
  expect((await requestFrom(shop, 'also, not, an ip')).status).toBe(429);
});

test('IPv6 clients share a limit per /64', async () => {
  const shop = await createShop(t);
  const statuses: number[] = [];
  for (let i = 0; i < LIMIT + 1; i++) statuses.push((await requestFrom(shop, `2001:db8:1:2::${i + 1}`)).status);
  expect(statuses).toEqual([200, 200, 200, 429]);
  expect((await requestFrom(shop, '2001:db8:1:3::1')).status).toBe(200);
  expect(ipLimitKey('2001:0db8:0001:0002:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
  expect(ipLimitKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
  expect(ipLimitKey('192.0.2.1')).toBe('192.0.2.1');
});
