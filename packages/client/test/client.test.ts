import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoggedInCustomer, createShop, startTestApi, type TestApi, type TestShop } from '../../../apps/api/test/harness.js';
import { cartlyError, createCartlyClient, fieldError, isCartlyError } from '../src/index.js';

let t: TestApi;
let shop: TestShop;
let other: TestShop;
let cat: string;
let otherCat: string;

beforeAll(async () => {
  t = await startTestApi();
  shop = await createShop(t, 'Client Shop');
  other = await createShop(t, 'Other Shop');
  cat = (await createLoggedInCustomer(t, shop, 'client@example.com')).cat;
  otherCat = (await createLoggedInCustomer(t, other, 'client@example.com')).cat;
});
afterAll(async () => t?.close());

/** A fetch that counts the HTTP requests the client makes. */
function countingFetch() {
  const urls: string[] = [];
  const f: typeof fetch = (input, init) => {
    urls.push(String(input instanceof Request ? input.url : input));
    return fetch(input, init);
  };
  return { f, urls };
}

describe('@cartly/client against the real API', () => {
  it('calls procedures with the SAT and the CAT, batching calls made together into one request', async () => {
    const { f, urls } = countingFetch();
    const client = createCartlyClient({ apiUrl: `${t.url}/`, storefrontAccessToken: shop.sat, customerAccessToken: () => cat, fetch: f });
    const [profile, addresses, wishlist] = await Promise.all([
      client.account.profile.get.query(),
      client.account.addresses.list.query({ limit: 5 }),
      client.account.wishlist.list.query({}),
    ]);
    expect(profile.email).toBe('client@example.com');
    expect(addresses.items).toEqual([]);
    expect(wishlist.next_cursor).toBeNull();
    expect(urls).toHaveLength(1);
    expect(urls[0]).toContain('/trpc/account.profile.get,account.addresses.list,account.wishlist.list?batch=1');
  });

  it('reads the token source before every request, so a logout takes effect at once', async () => {
    let current: string | undefined = cat;
    const client = createCartlyClient({ apiUrl: t.url, storefrontAccessToken: shop.sat, customerAccessToken: () => current });
    await expect(client.account.profile.get.query()).resolves.toMatchObject({ email: 'client@example.com' });
    current = undefined;
    const e = await client.account.profile.get.query().catch((x: unknown) => x);
    expect(cartlyError(e)).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    expect(isCartlyError(e, 'UNAUTHENTICATED')).toBe(true);
    expect(isCartlyError(e, 'FORBIDDEN')).toBe(false);
  });

  it('exposes the SPEC §3 code and the named field of a validation error', async () => {
    const client = createCartlyClient({ apiUrl: t.url, storefrontAccessToken: shop.sat, customerAccessToken: cat });
    const e = await client.account.addresses.create.mutate({ address1: '1 Main St', city: 'Springfield', country_code: 'usa' as never }).catch((x: unknown) => x);
    const info = cartlyError(e);
    expect(info.code).toBe('VALIDATION_FAILED');
    expect(info.status).toBe(400);
    expect(info.message).toContain('country_code');
    expect(fieldError(e, 'country_code')).toMatch(/ISO 3166/);
    // Nothing was half-written.
    await expect(client.account.addresses.list.query({})).resolves.toMatchObject({ items: [] });
  });

  it('another shop\'s customer token is refused with this shop\'s SAT', async () => {
    const client = createCartlyClient({ apiUrl: t.url, storefrontAccessToken: shop.sat, customerAccessToken: otherCat });
    expect(cartlyError(await client.account.profile.get.query().catch((x: unknown) => x)).code).toBe('UNAUTHENTICATED');
  });

  it('a 404 for another customer\'s order, and a bad SAT, keep their codes inside a batch', async () => {
    const client = createCartlyClient({ apiUrl: t.url, storefrontAccessToken: shop.sat, customerAccessToken: cat });
    const [missing, ok] = await Promise.allSettled([
      client.account.orders.get.query({ id: '0190a0a0-0000-7000-8000-000000000000' }),
      client.account.profile.get.query(),
    ]);
    expect(missing.status === 'rejected' && cartlyError(missing.reason)).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(ok.status).toBe('fulfilled');
    const forged = createCartlyClient({ apiUrl: t.url, storefrontAccessToken: 'sat_forged', customerAccessToken: cat });
    expect(cartlyError(await forged.account.profile.get.query().catch((x: unknown) => x)).code).toBe('UNAUTHENTICATED');
  });

  it('a server that cannot be reached is NETWORK_ERROR, never a crash', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const client = createCartlyClient({ apiUrl: `http://127.0.0.1:${port}`, storefrontAccessToken: shop.sat });
    const e = await client.account.profile.get.query().catch((x: unknown) => x);
    expect(cartlyError(e).code).toBe('NETWORK_ERROR');
    expect(isCartlyError(e)).toBe(false);
    expect(cartlyError(new Error('boom'))).toMatchObject({ code: 'INTERNAL', message: 'Something went wrong.' });
  });

  it('refuses to build without an API URL or a storefront token', () => {
    expect(() => createCartlyClient({ apiUrl: '', storefrontAccessToken: shop.sat })).toThrow(/apiUrl/);
    expect(() => createCartlyClient({ apiUrl: t.url, storefrontAccessToken: '' })).toThrow(/storefrontAccessToken/);
  });
});
