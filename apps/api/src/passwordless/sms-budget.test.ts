import { afterAll, beforeAll, expect, test } from 'vitest';
import { Shop } from '@cartly/db';
import { createShop, rest, setShopSettings, startTestApi, type TestApi, type TestShop } from '../../test/harness.js';
import { startSnsSink, type SmsSink } from '../../test/sms-sinks.js';

/* SMS pumping: a shop's SMS budget and destination allow-list, against a loopback SNS the real SDK publishes to. */

let t: TestApi;
let sns: SmsSink;
const HOURLY = 3;

beforeAll(async () => {
  sns = await startSnsSink();
  t = await startTestApi({
    SMS_PROVIDER: 'sns', SNS_ENDPOINT: sns.url, SNS_REGION: 'eu-west-1', SNS_ACCESS_KEY_ID: 'AKIDTEST', SNS_SECRET_ACCESS_KEY: 'test-secret',
    SMS_MAX_PER_SHOP_HOUR: HOURLY,
  });
});
afterAll(async () => {
  await t?.close();
  await sns?.close();
});

let n = 0;
const phone = (prefix = '+1415555') => `${prefix}${String(1000 + ++n).padStart(4, '0')}`;
const requestSms = (shop: TestShop, identifier: string) =>
  rest(t, 'POST', '/storefront/v1/customer/otp/request', { sat: shop.sat, body: { identifier, channel: 'sms' } });

test('past the shop\'s hourly SMS budget every SMS request is 429 and nothing more is sent', async () => {
  const shop = await createShop(t);
  const statuses: number[] = [];
  for (let i = 0; i < HOURLY + 2; i++) statuses.push((await requestSms(shop, phone())).status);
  expect(statuses).toEqual([200, 200, 200, 429, 429]);
  // Another shop has its own budget.
  expect((await requestSms(await createShop(t), phone())).status).toBe(200);
  const sentForShop = sns.messages.length;
  expect((await requestSms(shop, phone())).status).toBe(429);
  expect(sns.messages.length).toBe(sentForShop);
});

test('a destination outside the shop\'s calling-code allow-list gets no SMS', async () => {
  const shop = await createShop(t);
  await setShopSettings(t, shop, { smsAllowedCallingCodes: ['+1'] });
  const before = sns.messages.length;
  const res = await requestSms(shop, phone('+882345'));
  expect(res.status).toBe(400);
  expect(res.body.error.message).toContain('identifier');
  expect(sns.messages.length).toBe(before);
  expect((await requestSms(shop, phone())).status).toBe(200);
});

test('with no allow-list set, SMS go only to the shop\'s own country: another country\'s number gets no SMS', async () => {
  const shop = await createShop(t);
  const inCountry = async (country: string) => t.db.orm.em.fork().nativeUpdate(Shop, { id: shop.shopId }, { country });
  await inCountry('GB');
  const before = sns.messages.length;
  const abroad = await requestSms(shop, phone('+1415555'));
  expect(abroad.status).toBe(400);
  expect(abroad.body.error).toEqual({ code: 'VALIDATION_FAILED', message: 'identifier: this shop does not send SMS to that country' });
  expect(sns.messages.length).toBe(before);
  expect((await requestSms(shop, phone('+4477009'))).status).toBe(200);
  expect(sns.messages.length).toBe(before + 1);

  // A Caribbean shop gets its own area codes, not the whole of +1.
  await inCountry('JM');
  expect((await requestSms(shop, phone('+1876555'))).status).toBe(200);
  expect((await requestSms(shop, phone('+1415555'))).status).toBe(400);
  // The shop's explicit list wins over its country.
  await setShopSettings(t, shop, { smsAllowedCallingCodes: ['+1'] });
  expect((await requestSms(shop, phone('+1415555'))).status).toBe(200);
  expect(sns.messages.length).toBe(before + 3);
});
