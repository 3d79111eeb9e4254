import { afterAll, beforeAll, expect, test } from 'vitest';
import { CustomerAccessToken } from '@cartly/db';
import { createLoggedInCustomer, createShop, rest, startTestApi, trpcClient, type TestApi, type TestShop } from '../../test/harness.js';

let t: TestApi;
let shop: TestShop;

beforeAll(async () => {
  t = await startTestApi();
  shop = await createShop(t);
});
afterAll(() => t.close());

const PATH = '/subscriptions/cp/api/logged-in-customer';

test('without a customer token the answer is null, never 401 (REST and tRPC, with or without a SAT)', async () => {
  for (const creds of [{}, { sat: shop.sat }]) {
    const res = await rest(t, 'GET', PATH, creds);
    expect(res.status).toBe(200);
    expect(res.body).toBeNull();
    expect(await trpcClient(t, creds).portalCore.session.loggedInCustomer.query({})).toBeNull();
  }
});

test('with a valid CAT the answer is that customer\'s id', async () => {
  const ann = await createLoggedInCustomer(t, shop, 'ann@example.com');
  expect((await rest(t, 'GET', PATH, { bearer: ann.cat })).body).toEqual({ customer_id: ann.customerId });
  expect(await trpcClient(t, { bearer: ann.cat }).portalCore.session.loggedInCustomer.query({})).toEqual({ customer_id: ann.customerId });
});

test('a present but invalid, revoked or expired CAT is 401 (the session ended), not null', async () => {
  const bob = await createLoggedInCustomer(t, shop, 'bob@example.com');
  expect((await rest(t, 'GET', PATH, { bearer: 'cat_forged' })).status).toBe(401);
  expect((await rest(t, 'GET', PATH, { bearer: shop.adminToken })).status).toBe(401);
  const em = t.db.orm.em.fork();
  await em.nativeUpdate(CustomerAccessToken, { customer: bob.customerId }, { revokedAt: new Date() });
  const revoked = await rest(t, 'GET', PATH, { bearer: bob.cat });
  expect(revoked.status).toBe(401);
  expect(revoked.body.error.code).toBe('UNAUTHENTICATED');

  const cid = await createLoggedInCustomer(t, shop, 'cid@example.com');
  await em.nativeUpdate(CustomerAccessToken, { customer: cid.customerId }, { expiresAt: new Date(Date.now() - 1000) });
  expect((await rest(t, 'GET', PATH, { bearer: cid.cat })).status).toBe(401);
});

test('unknown query fields are rejected like everywhere else', async () => {
  expect((await rest(t, 'GET', `${PATH}?customer_id=x`)).status).toBe(400);
});
