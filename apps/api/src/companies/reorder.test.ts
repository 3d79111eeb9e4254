import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CompanyBudgetEntry, CompanyLocation, CompanyOrder, Order, OrderLine, Product, ProductVariant } from '@cartly/db';
import { createLoggedInCustomer, createTwoShops, rest, startTestApi, trpcClient, type TestApi, type TestShop } from '../../test/harness.js';
import { companiesSnapshot, createCompany, createLocation, createMember, orderOf, type Member } from '../../test/companies.js';

/* Reorder against a location budget: atomic, never overspent, never leaking across periods or locations. */

let t: TestApi;
let shop: TestShop;
let other: TestShop;
let companyId: string;
let buyer: Member;

beforeAll(async () => {
  t = await startTestApi();
  ({ shop, other } = await createTwoShops(t));
  companyId = (await createCompany(t, shop)).id;
  buyer = await createMember(t, shop, companyId, 'buyer');
});
afterAll(() => t.close());

const reorder = (orderId: string, locationId: string, cat = buyer.cat) =>
  rest(t, 'POST', `/customer/orders/${orderId}/reorder`, { bearer: cat, body: { location_id: locationId } });

async function ledgerOf(locationId: string) {
  const em = t.db.orm.em.fork();
  const entries = await em.find(CompanyBudgetEntry, { location: locationId }, { orderBy: { createdAt: 'asc' } });
  const location = await em.findOneOrFail(CompanyLocation, { id: locationId });
  return { entries, sum: entries.reduce((s, e) => s + e.amountCents, 0), spent: location.spentCents, periodStart: location.periodStart };
}

test('copies the lines at current prices into a new order for the location and charges its budget', async () => {
  const location = await createLocation(t, shop, companyId, { budget: 10_000 });
  const source = await orderOf(t, shop, buyer.customerId, 1500, 2);
  await t.db.orm.em.fork().nativeUpdate(ProductVariant, { id: source.variantId }, { priceCents: 1700 });

  const res = await reorder(source.id, location.id);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.order).toMatchObject({ customer_id: buyer.customerId, total_cents: 3400, lines: [{ variant_id: source.variantId, quantity: 2, unit_price_cents: 1700 }] });
  expect(res.body.order.id).not.toBe(source.id);
  expect(res.body.charged_cents).toBe(3400);
  expect(res.body.unavailable_lines).toEqual([]);
  expect(res.body.location.budget).toMatchObject({ amount_cents: 10_000, spent_cents: 3400, remaining_cents: 6600 });

  const listed = await rest(t, 'GET', '/customer/company/locations', { bearer: buyer.cat });
  expect(listed.body.items.find((l: { id: string }) => l.id === location.id).budget).toMatchObject({ spent_cents: 3400, remaining_cents: 6600 });
  const link = await t.db.orm.em.fork().findOneOrFail(CompanyOrder, { order: res.body.order.id });
  expect(link).toMatchObject({ company: companyId, location: location.id, sourceOrder: source.id });
  const ledger = await ledgerOf(location.id);
  expect(ledger.entries.map((e) => [e.kind, e.amountCents, e.order])).toEqual([['charge', 3400, res.body.order.id]]);

  // The new order is the company's too: it can be reordered in turn.
  expect((await reorder(res.body.order.id, location.id)).status).toBe(200);
});

test('the typed client reorders the same way', async () => {
  const location = await createLocation(t, shop, companyId, { budget: 5000 });
  const source = await orderOf(t, shop, buyer.customerId, 1000);
  const done = await trpcClient(t, { bearer: buyer.cat }).companies.reorder.mutate({ id: source.id, location_id: location.id });
  expect(done.location.budget.remaining_cents).toBe(4000);
});

test('unavailable variants are reported, not silently dropped; with nothing left it is 422', async () => {
  const location = await createLocation(t, shop, companyId, { budget: 100_000 });
  const a = await orderOf(t, shop, buyer.customerId, 1000);
  const b = await orderOf(t, shop, buyer.customerId, 2000);
  const c = await orderOf(t, shop, buyer.customerId, 3000);
  // One order with three lines: one still sold, one whose product is archived, one whose variant is gone.
  const em = t.db.orm.em.fork();
  await em.nativeUpdate(OrderLine, { order: { $in: [b.id, c.id] } }, { order: a.id });
  await em.nativeUpdate(Product, { id: b.productId }, { status: 'archived' });
  await em.nativeUpdate(OrderLine, { order: a.id, variant: c.variantId }, { variant: null });

  const res = await reorder(a.id, location.id);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.order.lines.map((l: { variant_id: string }) => l.variant_id)).toEqual([a.variantId]);
  expect(res.body.charged_cents).toBe(1000);
  expect(res.body.unavailable_lines.map((l: { reason: string }) => l.reason).sort()).toEqual(['product_unavailable', 'variant_deleted']);

  await em.nativeUpdate(Product, { id: a.productId }, { status: 'draft' });
  const before = await companiesSnapshot(t);
  const none = await reorder(a.id, location.id);
  expect(none.status).toBe(422);
  expect(none.body.error.details.unavailable_lines).toHaveLength(3);
  expect(await companiesSnapshot(t)).toBe(before);
});

test('over budget: 422 with the remaining amount, and nothing is written', async () => {
  const location = await createLocation(t, shop, companyId, { budget: 2500 });
  const source = await orderOf(t, shop, buyer.customerId, 1000);
  expect((await reorder(source.id, location.id)).status).toBe(200);
  expect((await reorder(source.id, location.id)).status).toBe(200);
  const before = await companiesSnapshot(t);
  const res = await reorder(source.id, location.id);
  expect(res.status).toBe(422);
  expect(res.body.error.details).toMatchObject({ remaining_cents: 500, required_cents: 1000, currency: 'USD' });
  expect(res.body.error.message).toContain('500');
  expect(await companiesSnapshot(t)).toBe(before);
});

test('20 concurrent reorders against a budget that fits 5: exactly 5 orders, and the ledger sums to the spend', async () => {
  const location = await createLocation(t, shop, companyId, { budget: 5 * 1200 + 700 });
  const source = await orderOf(t, shop, buyer.customerId, 1200);
  const ordersBefore = await t.db.orm.em.fork().count(Order, { shop: shop.shopId });
  const results = await Promise.all(Array.from({ length: 20 }, () => reorder(source.id, location.id)));
  const statuses = results.map((r) => r.status);
  expect(statuses.filter((s) => s === 200)).toHaveLength(5);
  expect(statuses.filter((s) => s === 422)).toHaveLength(15);
  for (const r of results.filter((x) => x.status === 422)) expect(r.body.error.details.remaining_cents).toBe(700);

  const em = t.db.orm.em.fork();
  expect(await em.count(CompanyOrder, { location: location.id })).toBe(5);
  expect(await em.count(Order, { shop: shop.shopId })).toBe(ordersBefore + 5);
  const ledger = await ledgerOf(location.id);
  expect(ledger.entries.filter((e) => e.kind === 'charge')).toHaveLength(5);
  expect(ledger.sum).toBe(6000);
  expect(ledger.spent).toBe(6000);
  // The orders are numbered without gaps or repeats.
  const numbers = results.filter((r) => r.status === 200).map((r) => r.body.order.number as number).sort();
  expect(new Set(numbers).size).toBe(5);
});

test('budgets never leak across locations', async () => {
  const a = await createLocation(t, shop, companyId, { budget: 1000 });
  const b = await createLocation(t, shop, companyId, { budget: 1000 });
  const source = await orderOf(t, shop, buyer.customerId, 1000);
  expect((await reorder(source.id, a.id)).status).toBe(200);
  expect((await reorder(source.id, a.id)).status).toBe(422);
  expect((await reorder(source.id, b.id)).status).toBe(200);
});

test('budgets never leak across periods: a rolled-over location starts the new period at zero, before and at the first order', async () => {
  const location = await createLocation(t, shop, companyId, { budget: 1000 });
  const source = await orderOf(t, shop, buyer.customerId, 1000);
  expect((await reorder(source.id, location.id)).status).toBe(200);
  // Make the charge last month's, as if the scheduled reset had not run yet.
  const em = t.db.orm.em.fork();
  await em.execute(`update company_location set period_start = (period_start - interval '1 month')::date where id = ?`, [location.id]);
  await em.execute(`update company_budget_entry set period_start = (period_start - interval '1 month')::date where location_id = ?`, [location.id]);

  const seen = await rest(t, 'GET', '/customer/company/locations', { bearer: buyer.cat });
  expect(seen.body.items.find((l: { id: string }) => l.id === location.id).budget).toMatchObject({ spent_cents: 0, remaining_cents: 1000 });
  const res = await reorder(source.id, location.id);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.location.budget).toMatchObject({ spent_cents: 1000, remaining_cents: 0 });
  const ledger = await ledgerOf(location.id);
  expect(ledger.entries.map((e) => [e.kind, e.amountCents])).toEqual([['charge', 1000], ['reset', -1000], ['charge', 1000]]);
  expect(ledger.sum).toBe(ledger.spent);
});

describe('hostile input', () => {
  test('orders and locations outside the company, or another shop\'s, are 404 and nothing is written', async () => {
    const location = await createLocation(t, shop, companyId);
    const stranger = await createLoggedInCustomer(t, shop, `stranger-${Date.now()}@example.com`);
    const strangersOrder = await orderOf(t, shop, stranger.customerId, 100);
    const otherCompany = await createCompany(t, shop);
    const theirLocation = await createLocation(t, shop, otherCompany.id);
    const otherShopCustomer = await createLoggedInCustomer(t, other, 'far@example.com');
    const otherShopOrder = await orderOf(t, other, otherShopCustomer.customerId, 100);
    const mine = await orderOf(t, shop, buyer.customerId, 100);
    const before = await companiesSnapshot(t);
    expect((await reorder(strangersOrder.id, location.id)).status).toBe(404);
    expect((await reorder(otherShopOrder.id, location.id)).status).toBe(404);
    expect((await reorder(mine.id, theirLocation.id)).status).toBe(404);
    expect((await reorder('00000000-0000-7000-8000-000000000000', location.id)).status).toBe(404);
    expect(await companiesSnapshot(t)).toBe(before);
  });

  test('malformed and unknown input is 400 naming the field', async () => {
    const location = await createLocation(t, shop, companyId);
    const mine = await orderOf(t, shop, buyer.customerId, 100);
    const bad = await reorder(mine.id, 'not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('location_id');
    const extra = await rest(t, 'POST', `/customer/orders/${mine.id}/reorder`, { bearer: buyer.cat, body: { location_id: location.id, price_cents: 1 } });
    expect(extra.status).toBe(400);
    expect(extra.body.error.message).toContain('price_cents');
    expect((await rest(t, 'POST', `/customer/orders/${mine.id}/reorder`, { bearer: buyer.cat, body: {} })).status).toBe(400);
  });
});
