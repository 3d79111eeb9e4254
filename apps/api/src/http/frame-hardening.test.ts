import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createLoggedInCustomer, createShop, rest, startTestApi, type TestApi, type TestShop } from '../../test/harness.js';
import type { AppRouter } from '../router.js';
import { MAX_BATCH_SIZE } from './server.js';
import { readFileSync } from 'node:fs';

/* The HTTP frame: bounded tRPC batches, and error logs without personal data. */

let t: TestApi;
let shop: TestShop;
let cat: string;

beforeAll(async () => {
  t = await startTestApi();
  shop = await createShop(t);
  ({ cat } = await createLoggedInCustomer(t, shop, 'frame@example.com'));
});
afterAll(() => t?.close());

const headers = () => ({ 'X-Shopify-Storefront-Access-Token': shop.sat, Authorization: `Bearer ${cat}` });

test('a tRPC batch over the cap is 400 and runs nothing; at the cap it runs', async () => {
  // Mutations (a POST body holds 600 calls; a GET URL that long is refused earlier); an empty update changes nothing.
  const batch = (n: number) => fetch(`${t.url}/trpc/${Array(n).fill('account.profile.update').join(',')}?batch=1`, {
    method: 'POST',
    headers: { ...headers(), 'content-type': 'application/json' },
    body: JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [i, {}]))),
  });
  expect((await batch(600)).status).toBe(400);
  expect((await batch(MAX_BATCH_SIZE + 1)).status).toBe(400);
  const ok = await batch(MAX_BATCH_SIZE);
  expect(ok.status).toBe(200);
  expect(await ok.json()).toHaveLength(MAX_BATCH_SIZE);
});

test('the widget\'s batch link splits at the server\'s cap, so many parallel calls all succeed', async () => {
  // Read, not imported: the typed client (the widget's only way to the API) is its own workspace, built for the browser.
  const widgetClient = readFileSync(new URL('../../../../packages/client/src/create-client.ts', import.meta.url), 'utf8');
  const MAX_BATCH_ITEMS = Number(/maxItems: opts\.maxBatchSize \?\? (\d+)/.exec(widgetClient)?.[1]);
  expect(MAX_BATCH_ITEMS).toBeLessThanOrEqual(MAX_BATCH_SIZE);
  const client = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${t.url}/trpc`, maxItems: MAX_BATCH_ITEMS, headers })] });
  const results = await Promise.all(Array.from({ length: 35 }, () => client.account.profile.get.query()));
  expect(results.every((p) => p.email === 'frame@example.com')).toBe(true);
});

test('a failed insert is logged with its code, constraint, table and request id, never its values', async () => {
  // A constraint only this test's database has, so the insert fails inside PostgreSQL.
  await t.db.orm.em.fork().execute(`alter table customer_address add constraint test_refuse_city check (city <> 'Refusedville')`);
  const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    const res = await rest(t, 'POST', '/storefront/v1/customer/addresses', {
      sat: shop.sat, bearer: cat,
      body: { first_name: 'Secretname', address1: '1 Private Lane', city: 'Refusedville', country_code: 'US', phone: '+14155550177' },
    });
    expect(res.status).toBe(500);
    const requestId = res.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const logged = spy.mock.calls.map((args) => args.map(String).join(' ')).join('\n');
    expect(logged).toContain(requestId);
    expect(logged).toContain('23514');
    expect(logged).toContain('test_refuse_city');
    expect(logged).toContain('customer_address');
    for (const secret of ['Secretname', 'Private Lane', 'Refusedville', '+14155550177', 'frame@example.com', cat]) {
      expect(logged).not.toContain(secret);
    }
  } finally {
    spy.mockRestore();
  }
});
