import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoggedInCustomer, createShop, rest, setShopSettings, startTestApi, type TestApi, type TestShop } from '../../test/harness.js';
import { normaliseOrigin } from './cors.js';

/*
 * The portal widget runs on the merchant's storefront origin. Only storefront
 * and customer routes answer CORS, and only to an origin the shop lists.
 */

const STORE = 'https://store.example';
const OTHER_STORE = 'https://other-store.example';
const EVIL = 'https://evil.example';

let t: TestApi;
let shop: TestShop;
let other: TestShop;
let cat: string;

beforeAll(async () => {
  t = await startTestApi();
  shop = await createShop(t, 'Listed');
  other = await createShop(t, 'Other');
  await setShopSettings(t, shop, { storefrontOrigins: [STORE] });
  await setShopSettings(t, other, { storefrontOrigins: [OTHER_STORE] });
  cat = (await createLoggedInCustomer(t, shop, 'cors@example.com')).cat;
});
afterAll(async () => t?.close());

function preflight(path: string, origin: string, method = 'GET') {
  return rest(t, 'OPTIONS', path, {
    headers: {
      origin,
      'access-control-request-method': method,
      'access-control-request-headers': 'authorization, x-shopify-storefront-access-token, content-type, x-evil',
    },
  });
}

describe('preflight', () => {
  it('allows a listed origin on storefront, customer and tRPC routes, with the headers the widget sends', async () => {
    for (const path of ['/storefront/v1/customer/addresses', '/customer/returns', '/trpc/account.profile.get,account.orders.list', '/trpc/portalCore.loyalty.getCustomer,portalCore.loyalty.listRedeemOptions']) {
      const res = await preflight(path, STORE);
      expect(res.status, path).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(STORE);
      expect(res.headers.get('access-control-allow-headers')).toBe('authorization, x-shopify-storefront-access-token, content-type');
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    }
    expect((await preflight('/storefront/v1/customer/addresses/0190a0a0-0000-7000-8000-000000000000', STORE, 'PUT')).headers.get('access-control-allow-origin')).toBe(STORE);
  });

  it('answers no CORS to an origin no shop lists, nor to null or malformed origins', async () => {
    for (const origin of [EVIL, 'null', 'javascript:alert(1)', `${STORE}.evil.example`]) {
      const res = await preflight('/storefront/v1/customer/addresses', origin);
      expect(res.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
  });

  it('never answers CORS on admin or app routes, nor on a tRPC batch that includes one', async () => {
    for (const path of ['/admin/orders', '/apps/api/customer-session/verify', '/trpc/orders.adminList', '/trpc/portalCore.loyalty.adminGetProgram', '/trpc/account.profile.get,orders.adminList', '/trpc/account.profile.get%E0%A4%A']) {
      const res = await preflight(path, STORE, path.includes('verify') ? 'POST' : 'GET');
      expect(res.headers.get('access-control-allow-origin'), path).toBeNull();
    }
  });
});

describe('actual requests', () => {
  it('a listed origin reads the answer of its own shop\'s SAT, errors included', async () => {
    const ok = await rest(t, 'GET', '/storefront/v1/customer/profile', { sat: shop.sat, bearer: cat, headers: { origin: STORE } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(STORE);
    expect(ok.headers.get('access-control-expose-headers')).toBe('Retry-After');
    expect(ok.headers.get('vary')).toContain('Origin');
    const denied = await rest(t, 'GET', '/storefront/v1/customer/profile', { sat: shop.sat, headers: { origin: STORE } });
    expect(denied.status).toBe(401);
    expect(denied.headers.get('access-control-allow-origin')).toBe(STORE);
  });

  it('an origin listed by another shop does not get this shop\'s answers', async () => {
    const res = await rest(t, 'GET', '/storefront/v1/customer/profile', { sat: shop.sat, bearer: cat, headers: { origin: OTHER_STORE } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const trpc = await rest(t, 'GET', '/trpc/account.profile.get', { sat: shop.sat, bearer: cat, headers: { origin: OTHER_STORE } });
    expect(trpc.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('the CAT names the shop on the CAT-only /customer routes; a forged token names none', async () => {
    const own = await rest(t, 'GET', '/customer/returns', { bearer: cat, headers: { origin: STORE } });
    expect(own.status).toBe(200);
    expect(own.headers.get('access-control-allow-origin')).toBe(STORE);
    const forged = await rest(t, 'GET', '/customer/returns', { bearer: `cat_${'x'.repeat(43)}`, headers: { origin: STORE } });
    expect(forged.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('admin answers carry no CORS header even for a listed origin', async () => {
    const res = await rest(t, 'GET', '/admin/orders', { bearer: shop.adminToken, headers: { origin: STORE } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

it('origins are compared in URL.origin form', () => {
  expect(normaliseOrigin('HTTPS://Store.Example:443')).toBe(STORE);
  expect(normaliseOrigin('http://127.0.0.1:3001')).toBe('http://127.0.0.1:3001');
  expect(normaliseOrigin('file:///etc/passwd')).toBeNull();
  expect(normaliseOrigin('null')).toBeNull();
});
