import { afterAll, beforeAll, expect, test } from 'vitest';
import { createLoggedInCustomer, createShop, installTestApp, rest, startTestApi, trpcClient, type TestApi, type TestShop } from '../../test/harness.js';
import { issueCustomerToken } from '../auth/credentials.js';

/* Ending every session of a customer: by the customer (logout-all) and by the merchant (revoke-sessions). */

let t: TestApi;
let shop: TestShop;

beforeAll(async () => {
  t = await startTestApi();
  shop = await createShop(t);
});
afterAll(() => t?.close());

const PROFILE = '/storefront/v1/customer/profile';

async function secondSession(customerId: string): Promise<string> {
  const em = t.db.orm.em.fork();
  const { token } = issueCustomerToken(em, { shopId: shop.shopId, customerId, ttlHours: 1 });
  await em.flush();
  return token;
}
const live = async (cat: string) => (await rest(t, 'GET', PROFILE, { sat: shop.sat, bearer: cat })).status === 200;

async function appSession(cat: string): Promise<{ ast: string; appToken: string }> {
  const app = await installTestApp(t, shop);
  const res = await rest(t, 'POST', '/storefront/v1/customer/app-session', { sat: shop.sat, bearer: cat, body: { app_client_id: app.clientId } });
  expect(res.status).toBe(200);
  return { ast: res.body.token, appToken: app.appToken };
}

test('logout-all revokes every CAT of the customer and the app session tokens derived from them, nobody else\'s', async () => {
  const ann = await createLoggedInCustomer(t, shop, 'ann-all@example.com');
  const bob = await createLoggedInCustomer(t, shop, 'bob-all@example.com');
  const other = await secondSession(ann.customerId);
  const { ast, appToken } = await appSession(other);
  const verifyAst = () => rest(t, 'POST', '/apps/api/customer-session/verify', { bearer: appToken, body: { token: ast } });
  expect((await verifyAst()).status).toBe(200);

  const res = await rest(t, 'POST', '/storefront/v1/customer/logout-all', { sat: shop.sat, bearer: ann.cat, body: {} });
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ revoked: 2 });
  expect(await live(ann.cat)).toBe(false);
  expect(await live(other)).toBe(false);
  expect(await live(bob.cat)).toBe(true);
  expect((await verifyAst()).status).toBe(401);
  // Replayed after revocation: 401.
  expect((await rest(t, 'POST', '/storefront/v1/customer/logout-all', { sat: shop.sat, bearer: ann.cat, body: {} })).status).toBe(401);
});

test('logout-all through the typed client', async () => {
  const cid = await createLoggedInCustomer(t, shop, 'typed-all@example.com');
  const out = await trpcClient(t, { sat: shop.sat, bearer: cid.cat }).passwordless.logoutAll.mutate();
  expect(out).toEqual({ revoked: 1 });
  expect(await live(cid.cat)).toBe(false);
});

test('an admin revokes a customer\'s sessions; another shop\'s admin gets 404 and revokes nothing', async () => {
  const cy = await createLoggedInCustomer(t, shop, 'cy@example.com');
  const other = await secondSession(cy.customerId);
  const foreign = await createShop(t, 'Other Shop');
  const path = `/admin/customers/${cy.customerId}/revoke-sessions`;

  expect((await rest(t, 'POST', path, { bearer: foreign.adminToken, body: {} })).status).toBe(404);
  expect(await live(cy.cat)).toBe(true);
  expect((await rest(t, 'POST', path, { bearer: cy.cat, body: {} })).status).toBe(401);

  const res = await rest(t, 'POST', path, { bearer: shop.adminToken, body: {} });
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ revoked: 2 });
  expect(await live(cy.cat)).toBe(false);
  expect(await live(other)).toBe(false);

  const typed = await trpcClient(t, { bearer: shop.adminToken }).customers.sessions.adminRevoke.mutate({ id: cy.customerId });
  expect(typed).toEqual({ revoked: 0 });
  expect((await rest(t, 'POST', '/admin/customers/00000000-0000-7000-8000-000000000000/revoke-sessions', { bearer: shop.adminToken, body: {} })).status).toBe(404);
});
