import { afterAll, beforeAll, expect, test } from 'vitest';
import { Customer } from '@cartly/db';
import { createLoggedInCustomer, createShop, rest, startTestApi, trpcClient, type TestApi, type TestShop } from '../../test/harness.js';
import { codeIn } from '../../test/passwordless.js';
import { issueCustomerToken } from '../auth/credentials.js';
import { startSnsSink, type SmsSink } from '../../test/sms-sinks.js';

let t: TestApi;
let sns: SmsSink;
let shop: TestShop;
let ann: { customerId: string; cat: string };

beforeAll(async () => {
  sns = await startSnsSink();
  t = await startTestApi({
    SMS_PROVIDER: 'sns', SNS_ENDPOINT: sns.url, SNS_REGION: 'eu-west-1', SNS_ACCESS_KEY_ID: 'AKIDTEST', SNS_SECRET_ACCESS_KEY: 'test-secret',
    OTP_RESEND_COOLDOWN_SECONDS: 0,
  });
  shop = await createShop(t);
  ann = await createLoggedInCustomer(t, shop, 'ann@example.com');
});
afterAll(async () => {
  await t?.close();
  await sns?.close();
});

const PATH = '/storefront/v1/customer/profile';
const CONFIRM = '/storefront/v1/customer/phone/confirm';

/** Sets a phone and returns the code texted to it. */
async function setPhone(cat: string, phone: string) {
  const before = sns.messages.length;
  const res = await rest(t, 'PUT', PATH, { sat: shop.sat, bearer: cat, body: { phone } });
  const sms = await sns.waitFor((m) => m.to === phone && sns.messages.indexOf(m) >= before);
  return { res, code: codeIn(sms.body) };
}
const smsLogin = async (phone: string) => {
  const before = sns.messages.length;
  expect((await rest(t, 'POST', '/storefront/v1/customer/otp/request', { sat: shop.sat, body: { identifier: phone, channel: 'sms' } })).status).toBe(200);
  const sms = await sns.waitFor((m) => m.to === phone && sns.messages.indexOf(m) >= before);
  return rest(t, 'POST', '/storefront/v1/customer/otp/verify', { sat: shop.sat, body: { identifier: phone, code: codeIn(sms.body) } });
};

test('a new phone is pending until the code texted to it is confirmed, then it is the login phone', async () => {
  const { res, code } = await setPhone(ann.cat, '+14155550123');
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ phone: null, pending_phone: '+14155550123', email: 'ann@example.com' });
  const named = await rest(t, 'PUT', PATH, { sat: shop.sat, bearer: ann.cat, body: { first_name: 'Annie' } });
  expect(named.body).toMatchObject({ first_name: 'Annie', last_name: 'Customer', pending_phone: '+14155550123' });

  expect((await rest(t, 'POST', CONFIRM, { sat: shop.sat, bearer: ann.cat, body: { code: String((Number(code) + 1) % 1e6).padStart(6, '0') } })).status).toBe(400);
  const confirmed = await rest(t, 'POST', CONFIRM, { sat: shop.sat, bearer: ann.cat, body: { code } });
  expect(confirmed.status).toBe(200);
  expect(confirmed.body).toMatchObject({ phone: '+14155550123', pending_phone: null, first_name: 'Annie' });
  const again = await rest(t, 'GET', PATH, { sat: shop.sat, bearer: ann.cat });
  expect(again.body).toEqual(confirmed.body);
  // A code works once.
  expect((await rest(t, 'POST', CONFIRM, { sat: shop.sat, bearer: ann.cat, body: { code } })).status).toBe(400);
  const login = await smsLogin('+14155550123');
  expect(login.status).toBe(200);
  expect(login.body.customer_id).toBe(ann.customerId);
});

test('phone takeover: an attacker setting the victim\'s number gets no login with it, and learns nothing', async () => {
  const attacker = await createLoggedInCustomer(t, shop, 'mallory@example.com');
  const victimPhone = '+14155550999';
  const { res: claimed } = await setPhone(attacker.cat, victimPhone);
  // The same answer as for a number nobody uses.
  const { res: fresh } = await setPhone(attacker.cat, '+14155550998');
  expect(claimed.status).toBe(200);
  expect(fresh.status).toBe(200);
  expect(Object.keys(claimed.body).sort()).toEqual(Object.keys(fresh.body).sort());
  expect(claimed.body.phone).toBe(fresh.body.phone);

  // The real owner logs in by SMS: into an account of their own, never the attacker's.
  const login = await smsLogin(victimPhone);
  expect(login.status).toBe(200);
  expect(login.body.customer_id).not.toBe(attacker.customerId);
});

test('a pending number already another customer\'s gets the same 200 and the same shape (no enumeration), and through tRPC', async () => {
  const bob = await createLoggedInCustomer(t, shop, 'bob@example.com');
  const { res } = await setPhone(bob.cat, '+14155550123');
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ phone: null, pending_phone: '+14155550123' });
  const typed = await trpcClient(t, { sat: shop.sat, bearer: bob.cat }).account.profile.update.mutate({ first_name: 'Bob' });
  expect(typed.pending_phone).toBe('+14155550123');
});

test('confirming moves a number from its previous holder and ends the customer\'s other sessions', async () => {
  const carol = await createLoggedInCustomer(t, shop, 'carol@example.com');
  const { code } = await setPhone(carol.cat, '+14155550123');
  // Another session of carol's (a second CAT) ...
  const em = t.db.orm.em.fork();
  const { token: otherSession } = issueCustomerToken(em, { shopId: shop.shopId, customerId: carol.customerId, ttlHours: 1 });
  await em.flush();
  const confirmed = await rest(t, 'POST', CONFIRM, { sat: shop.sat, bearer: carol.cat, body: { code } });
  expect(confirmed.body).toMatchObject({ phone: '+14155550123' });
  const ann2 = await t.db.orm.em.fork().findOneOrFail(Customer, { id: ann.customerId });
  expect(ann2.phone).toBeNull();
  expect((await rest(t, 'GET', PATH, { sat: shop.sat, bearer: otherSession })).status).toBe(401);
  expect((await rest(t, 'GET', PATH, { sat: shop.sat, bearer: carol.cat })).status).toBe(200);
});

test('a phone that is not E.164 is rejected and nothing changes', async () => {
  const res = await rest(t, 'PUT', PATH, { sat: shop.sat, bearer: ann.cat, body: { first_name: 'Changed', phone: '415-555-0123' } });
  expect(res.status).toBe(400);
  expect(res.body.error.message).toContain('phone');
  const stored = await t.db.orm.em.fork().findOneOrFail(Customer, { id: ann.customerId });
  expect(stored.firstName).toBe('Annie');
});

test('the email cannot be changed through the profile', async () => {
  const res = await rest(t, 'PUT', PATH, { sat: shop.sat, bearer: ann.cat, body: { email: 'evil@example.com' } });
  expect(res.status).toBe(400);
  expect(res.body.error.message).toContain('email');
});
