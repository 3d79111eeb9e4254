import { Shop } from '@cartly/db';
import { createLoggedInCustomer, rest, type TestApi, type TestShop } from './harness.js';
import { createOrder, createProduct } from './catalog.js';

/** Test helpers of the companies domain, going through the admin API as a merchant would. */

const uniq = () => Math.random().toString(36).slice(2, 10);

async function ok<T = any>(p: Promise<{ status: number; body: T }>, what: string): Promise<T> {
  const res = await p;
  if (res.status !== 200) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export const address = { address1: '1 Dock Rd', city: 'Hamburg', zip: '20457', country_code: 'DE' as const };

export async function createCompany(t: TestApi, shop: TestShop, name = `Acme ${uniq()}`): Promise<{ id: string; name: string }> {
  return ok(rest(t, 'POST', '/admin/companies', { bearer: shop.adminToken, body: { name } }), 'createCompany');
}

export async function createLocation(
  t: TestApi,
  shop: TestShop,
  companyId: string,
  opts: { budget?: number; period?: 'monthly' | 'quarterly' | 'yearly'; name?: string } = {},
): Promise<{ id: string; budget: { spent_cents: number; remaining_cents: number; period_start: string } }> {
  return ok(
    rest(t, 'POST', `/admin/companies/${companyId}/locations`, {
      bearer: shop.adminToken,
      body: { name: opts.name ?? `Site ${uniq()}`, shipping_address: address, budget_amount_cents: opts.budget ?? 1_000_000, budget_period: opts.period ?? 'monthly' },
    }),
    'createLocation',
  );
}

export interface Member {
  customerId: string;
  cat: string;
  email: string;
  membershipId: string;
}

/** A logged-in customer of the shop who is a member of the company with `role`. */
export async function createMember(
  t: TestApi,
  shop: TestShop,
  companyId: string,
  role: 'admin' | 'buyer' | 'viewer',
  locationIds?: string[],
): Promise<Member> {
  const email = `${role}-${uniq()}@b2b.example.com`;
  const c = await createLoggedInCustomer(t, shop, email);
  const m = await ok(
    rest(t, 'POST', `/admin/companies/${companyId}/members`, {
      bearer: shop.adminToken,
      body: { customer_id: c.customerId, role, ...(locationIds ? { location_ids: locationIds } : {}) },
    }),
    'createMember',
  );
  return { customerId: c.customerId, cat: c.cat, email, membershipId: m.id };
}

/** A product with one variant at `priceCents` and an order of `quantity` of it by `customerId`. */
export async function orderOf(t: TestApi, shop: TestShop, customerId: string, priceCents: number, quantity = 1) {
  const res = await rest(t, 'POST', '/admin/products', {
    bearer: shop.adminToken,
    body: { title: `Widget ${uniq()}`, variants: [{ title: 'Std', sku: 'W-1', price_cents: priceCents }] },
  });
  if (res.status !== 200) throw new Error(`product: ${res.status} ${JSON.stringify(res.body)}`);
  const variantId = res.body.variants[0].id as string;
  const order = await createOrder(t, shop, customerId, [{ variant_id: variantId, quantity }]);
  return { ...order, variantId, productId: res.body.id as string };
}

export { createProduct };

export async function setShopTimeZone(t: TestApi, shop: TestShop, timezone: string): Promise<void> {
  await t.db.orm.em.fork().nativeUpdate(Shop, { id: shop.shopId }, { timezone });
}

/** A fingerprint of every company table and the orders: equal before and after means nothing changed. */
export async function companiesSnapshot(t: TestApi): Promise<string> {
  const tables = ['company', 'company_location', 'company_membership', 'company_membership_location', 'company_budget_entry', 'company_order', 'order', 'customer'];
  const parts: string[] = [];
  for (const table of tables) {
    const [row] = await t.db.orm.em.fork().execute<{ h: string | null }[]>(`select md5(string_agg(t::text, '|' order by t::text)) as h from "${table}" t`);
    parts.push(`${table}:${row?.h ?? ''}`);
  }
  return parts.join(',');
}
