import { afterAll, beforeAll, expect, test } from 'vitest';
import { Customer } from '@cartly/db';
import { createLoggedInCustomer, createShop, rest, startTestApi, type TestApi, type TestShop } from '../../test/harness.js';

let t: TestApi;
let shop: TestShop;
let ann: { customerId: string; cat: string };

beforeAll(async () => {
  t = await startTestApi();
  shop = await createShop(t);
  ann = await createLoggedInCustomer(t, shop, 'ann@example.com');
});
afterAll(() => t.close());

const PATH = '/storefront/v1/customer/profile';

test('updating name and phone changes only what was sent', async () => {
  const res = await rest(t, 'PUT', PATH, { sat: shop.sat, bearer: ann.cat, body: { first_name: 'Annie', phone: '+14155550123' } });
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ first_name: 'Annie', last_name: 'Customer', phone: '+14155550123', email: 'ann@example.com' });
  const again = await rest(t, 'GET', PATH, { sat: shop.sat, bearer: ann.cat });
  expect(again.body).toEqual(res.body);
});

test('a phone that is not E.164 is rejected and nothing changes', async () => {
  const res = await rest(t, 'PUT', PATH, { sat: shop.sat, bearer: ann.cat, body: { first_name: 'Changed', phone: '415-555-0123' } });
  expect(res.status).toBe(400);
  expect(res.body.error.message).toContain('phone');
  const stored = await t.db.orm.em.fork().findOneOrFail(Customer, { id: ann.customerId });
  expect(stored.firstName).toBe('Annie');
});

test('a phone used by another customer is 409', async () => {
  const bob = await createLoggedInCustomer(t, shop, 'bob@example.com');
  const res = await rest(t, 'PUT', PATH, { sat: shop.sat, bearer: bob.cat, body: { phone: '+14155550123' } });
  expect(res.status).toBe(409);
});

test('the email cannot be changed through the profile', async () => {
  const res = await rest(t, 'PUT', PATH, { sat: shop.sat, bearer: ann.cat, body: { email: 'evil@example.com' } });
  expect(res.status).toBe(400);
  expect(res.body.error.message).toContain('email');
});
