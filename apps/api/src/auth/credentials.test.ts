import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import type { AppRouter } from '../router.js';
import { CustomerAccessToken } from '@cartly/db';
import { createLoggedInCustomer, createShop, rest, startTestApi, trpcClient, type TestApi, type TestShop } from '../../test/harness.js';
import { hashToken } from './tokens.js';
import { startApi } from '../app.js';
import { openOrm } from '@cartly/db';

let t: TestApi;
let shopA: TestShop;
let shopB: TestShop;
let alice: { customerId: string; cat: string };

beforeAll(async () => {
  t = await startTestApi();
  shopA = await createShop(t, 'Shop A');
  shopB = await createShop(t, 'Shop B');
  alice = await createLoggedInCustomer(t, shopA, 'alice@example.com');
});
afterAll(() => t.close());

const PROFILE = '/storefront/v1/customer/profile';

describe('customer access tokens (SAT + CAT)', () => {
  test('a valid SAT and CAT of the same shop read the profile', async () => {
    const res = await rest(t, 'GET', PROFILE, { sat: shopA.sat, bearer: alice.cat });
    expect(res.status).toBe(200);
    expect(res.body.email).toBe('alice@example.com');
  });

  test('a missing SAT is 401 with the SPEC error body', async () => {
    const res = await rest(t, 'GET', PROFILE, { bearer: alice.cat });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('storefront access token') } });
  });

  test('the Cartly SAT header is accepted too', async () => {
    const res = await rest(t, 'GET', PROFILE, { bearer: alice.cat, headers: { 'X-Cartly-Storefront-Access-Token': shopA.sat } });
    expect(res.status).toBe(200);
  });

  test.each([
    ['missing', undefined],
    ['malformed', 'not-a-token'],
    ['of the wrong kind (a SAT)', 'USE_SAT'],
    ['unknown', `cat_${'A'.repeat(43)}`],
  ])('a %s CAT is 401', async (_label, bearer) => {
    const res = await rest(t, 'GET', PROFILE, { sat: shopA.sat, bearer: bearer === 'USE_SAT' ? shopA.sat : bearer });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });

  test('an expired CAT is 401', async () => {
    const { cat } = await createLoggedInCustomer(t, shopA, 'expired@example.com');
    await t.db.orm.em.fork().nativeUpdate(CustomerAccessToken, { tokenHash: hashToken(cat) }, { expiresAt: new Date(Date.now() - 1000) });
    expect((await rest(t, 'GET', PROFILE, { sat: shopA.sat, bearer: cat })).status).toBe(401);
  });

  test('a CAT of shop A presented with the SAT of shop B is 401', async () => {
    const res = await rest(t, 'GET', PROFILE, { sat: shopB.sat, bearer: alice.cat });
    expect(res.status).toBe(401);
  });

  test('logout revokes the presented CAT, and only that one', async () => {
    const first = await createLoggedInCustomer(t, shopA, 'logout@example.com');
    const em = t.db.orm.em.fork();
    const { issueCustomerToken } = await import('./credentials.js');
    const second = issueCustomerToken(em, { shopId: shopA.shopId, customerId: first.customerId, ttlHours: 1 });
    await em.flush();

    const out = await rest(t, 'POST', '/storefront/v1/customer/logout', { sat: shopA.sat, bearer: first.cat, body: {} });
    expect(out.status).toBe(200);
    expect((await rest(t, 'GET', PROFILE, { sat: shopA.sat, bearer: first.cat })).status).toBe(401);
    expect((await rest(t, 'GET', PROFILE, { sat: shopA.sat, bearer: second.token })).status).toBe(200);
    const stored = await t.db.orm.em.fork().findOneOrFail(CustomerAccessToken, { tokenHash: hashToken(first.cat) });
    expect(stored.revokedAt).not.toBeNull();
  });

  test('only the hash of a CAT is stored', async () => {
    // Whole rows, so a plaintext column anywhere in the table would show up.
    const rows = await t.db.orm.em.fork().getConnection().execute('select * from customer_access_token where customer_id = ?', [alice.customerId]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toBe(hashToken(alice.cat));
    expect(JSON.stringify(rows)).not.toContain(alice.cat);
  });

  test('over tRPC the same rules hold', async () => {
    const ok = await trpcClient(t, { sat: shopA.sat, bearer: alice.cat }).account.profile.get.query();
    expect(ok.id).toBe(alice.customerId);
    const err = await trpcClient(t, { sat: shopB.sat, bearer: alice.cat }).account.profile.get.query().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCClientError);
    expect((err as TRPCClientError<any>).data?.httpStatus).toBe(401);
    expect((err as TRPCClientError<any>).shape).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('SAT and CAT checked in one query (the storefront hot path)', () => {
  const ADDRESSES = '/storefront/v1/customer/addresses';

  test('a bad SAT is reported as such even with a good CAT, and a good SAT with a foreign CAT names the CAT', async () => {
    const badSat = await rest(t, 'GET', ADDRESSES, { sat: `sat_${'B'.repeat(43)}`, bearer: alice.cat });
    expect(badSat.status).toBe(401);
    expect(badSat.body.error.message).toContain('storefront access token');
    const bob = await createLoggedInCustomer(t, shopB, 'bob@example.com');
    const foreign = await rest(t, 'GET', ADDRESSES, { sat: shopA.sat, bearer: bob.cat });
    expect(foreign.status).toBe(401);
    expect(foreign.body.error.message).toContain('customer access token');
    const badCat = await rest(t, 'GET', ADDRESSES, { sat: shopA.sat, bearer: 'cat_short' });
    expect(badCat.body.error.message).toContain('customer access token');
  });

  test('a revoked SAT fails on the very next request', async () => {
    const shop = await createShop(t, 'Shop Revoked SAT');
    const carol = await createLoggedInCustomer(t, shop, 'carol@example.com');
    expect((await rest(t, 'GET', ADDRESSES, { sat: shop.sat, bearer: carol.cat })).status).toBe(200);
    await t.db.orm.em.fork().getConnection().execute('update storefront_access_token set revoked_at = now() where token_hash = ?', [hashToken(shop.sat)]);
    expect((await rest(t, 'GET', ADDRESSES, { sat: shop.sat, bearer: carol.cat })).status).toBe(401);
  });

  test('logout-all through one replica ends the session on another replica at once (nothing is cached per process)', async () => {
    const orm = await openOrm({ databaseUrl: t.db.url, poolMax: 2 });
    const replica = await startApi(t.env, { orm });
    try {
      const dave = await createLoggedInCustomer(t, shopA, 'dave@example.com');
      const creds = { sat: shopA.sat, bearer: dave.cat };
      // Both replicas have answered with the token, so a per-process cache would now hold it.
      expect((await rest(replica, 'GET', ADDRESSES, creds)).status).toBe(200);
      expect((await rest(t, 'GET', ADDRESSES, creds)).status).toBe(200);
      expect((await rest(t, 'POST', '/storefront/v1/customer/logout-all', { ...creds, body: {} })).status).toBe(200);
      expect((await rest(replica, 'GET', ADDRESSES, creds)).status).toBe(401);
      const viaTrpc = await trpcClient(replica, creds).account.addresses.list.query({}).catch((e: unknown) => e);
      expect((viaTrpc as TRPCClientError<any>).data?.httpStatus).toBe(401);
    } finally {
      await replica.close();
      await orm.close(true);
    }
  });
});

describe('a tRPC batch', () => {
  test('each call keeps its own principal: a SAT of shop B and a CAT of shop A in one batch never mix', async () => {
    const headers = { 'X-Shopify-Storefront-Access-Token': shopB.sat, Authorization: `Bearer ${alice.cat}` };
    const client = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${t.url}/trpc`, headers })] });
    for (let i = 0; i < 10; i++) {
      // Storefront-kind (shop B from the SAT) beside customer-kind (shop A from the CAT), concurrently in one request.
      const [settings, returns, foreign] = await Promise.allSettled([
        client.portalCore.settings.get.query({ id: shopB.shopId }),
        client.returns.list.query({}),
        client.portalCore.settings.get.query({ id: shopA.shopId }),
      ]);
      expect(settings.status).toBe('fulfilled');
      expect(returns.status).toBe('fulfilled');
      expect(foreign.status).toBe('rejected');
      expect(((foreign as PromiseRejectedResult).reason as TRPCClientError<any>).data?.httpStatus).toBe(404);
    }
  });
});

describe('admin tokens', () => {
  test('an admin token reads its own shop\'s customers and not another shop\'s', async () => {
    const own = await rest(t, 'GET', '/admin/customers', { bearer: shopA.adminToken });
    expect(own.status).toBe(200);
    expect(own.body.items.map((c: { email: string }) => c.email)).toContain('alice@example.com');
    const other = await rest(t, 'GET', '/admin/customers', { bearer: shopB.adminToken });
    expect(other.body.items.map((c: { email: string }) => c.email)).not.toContain('alice@example.com');
    const direct = await rest(t, 'GET', `/admin/customers/${alice.customerId}`, { bearer: shopB.adminToken });
    expect(direct.status).toBe(404);
  });

  test('a token without the route\'s scope is 403', async () => {
    const em = t.db.orm.em.fork();
    const { AdminToken } = await import('@cartly/db');
    const { newToken } = await import('./tokens.js');
    const limited = newToken('adm');
    em.create(AdminToken, { shop: shopA.shopId, title: 'read only', tokenHash: limited.hash, scopes: ['read_customers'] });
    await em.flush();
    expect((await rest(t, 'GET', '/admin/customers', { bearer: limited.token })).status).toBe(200);
    const denied = await rest(t, 'POST', '/admin/customers', { bearer: limited.token, body: { email: 'x@example.com' } });
    expect(denied.status).toBe(403);
    expect(denied.body.error).toEqual({ code: 'FORBIDDEN', message: 'this admin token lacks the write_customers scope' });
  });

  test('a CAT or SAT is not an admin token', async () => {
    expect((await rest(t, 'GET', '/admin/customers', { bearer: alice.cat })).status).toBe(401);
    expect((await rest(t, 'GET', '/admin/customers', { bearer: shopA.sat })).status).toBe(401);
  });
});
