import { afterAll, beforeAll, expect, test } from 'vitest';
import { CompanyBudgetEntry, CompanyLocation } from '@cartly/db';
import { rmaWorkflowId } from '@cartly/contracts/workflows';
import type { RunningWorker } from '@cartly/worker';
import { createShop, rest, startTestApi, type TestApi, type TestShop } from '../../test/harness.js';
import { startReturnsWorker, terminateWorkflows, uniqueTaskQueue, waitForReturnStatus } from '../../test/returns.js';
import { createCompany, createLocation, createMember, orderOf, type Member } from '../../test/companies.js';

/* A refunded company order gives its location's budget back: once per refund, never more than it was charged, only in its own period. */

let t: TestApi;
let worker: RunningWorker;
let shop: TestShop;
let companyId: string;
let buyer: Member;
const started: string[] = [];

beforeAll(async () => {
  t = await startTestApi({ TEMPORAL_TASK_QUEUE: uniqueTaskQueue('budget-refund') });
  worker = await startReturnsWorker(t);
  shop = await createShop(t);
  companyId = (await createCompany(t, shop)).id;
  buyer = await createMember(t, shop, companyId, 'buyer');
});
afterAll(async () => {
  await terminateWorkflows(t, started.map(rmaWorkflowId));
  await worker.stop();
  await t.close();
});

const REFUND = (id: string) => `/subscriptions/cp/api/subscription-billing-attempts/refund-fulfillment/${id}`;

/** A fulfilled company order of 4 × $25 for a new location with a $200 budget. */
async function fulfilledCompanyOrder() {
  const location = await createLocation(t, shop, companyId, { budget: 20_000 });
  const source = await orderOf(t, shop, buyer.customerId, 2500, 4);
  const placed = await rest(t, 'POST', `/customer/orders/${source.id}/reorder`, { bearer: buyer.cat, body: { location_id: location.id } });
  expect(placed.status, JSON.stringify(placed.body)).toBe(200);
  const order = placed.body.order as { id: string; lines: { id: string }[] };
  const shipped = await rest(t, 'POST', `/admin/orders/${order.id}/fulfillments`, { bearer: shop.adminToken, body: {} });
  expect(shipped.status, JSON.stringify(shipped.body)).toBe(200);
  return { locationId: location.id, orderId: order.id, lineId: order.lines[0]!.id };
}

async function budgetOf(locationId: string) {
  const listed = await rest(t, 'GET', '/customer/company/locations', { bearer: buyer.cat });
  const em = t.db.orm.em.fork();
  const entries = await em.find(CompanyBudgetEntry, { location: locationId }, { orderBy: { createdAt: 'asc' } });
  const row = await em.findOneOrFail(CompanyLocation, { id: locationId });
  return {
    remaining: listed.body.items.find((l: { id: string }) => l.id === locationId).budget.remaining_cents as number,
    ledger: entries.map((e) => [e.kind, e.amountCents]),
    // spent_cents is the ledger's running sum
    consistent: row.spentCents === entries.reduce((s, e) => s + e.amountCents, 0),
  };
}

test('a return refunded by the worker, then a self-service refund of the rest, each credit the budget once', async () => {
  const o = await fulfilledCompanyOrder();
  expect(await budgetOf(o.locationId)).toMatchObject({ remaining: 10_000, ledger: [['charge', 10_000]] });

  const ret = await rest(t, 'POST', '/customer/returns', {
    bearer: buyer.cat, body: { order_id: o.orderId, lines: [{ order_line_id: o.lineId, quantity: 1, reason: 'damaged' }] },
  });
  expect(ret.status, JSON.stringify(ret.body)).toBe(200);
  started.push(ret.body.id);
  expect((await rest(t, 'POST', `/admin/returns/${ret.body.id}/approve`, { bearer: shop.adminToken, body: {} })).status).toBe(200);
  await waitForReturnStatus(t, buyer.cat, ret.body.id, 'refunded');
  expect(await budgetOf(o.locationId)).toMatchObject({ remaining: 12_500, ledger: [['charge', 10_000], ['refund', -2500]], consistent: true });

  const refund = await rest(t, 'PUT', REFUND(o.orderId), { bearer: buyer.cat, body: {} });
  expect(refund.status, JSON.stringify(refund.body)).toBe(200);
  expect(refund.body.amount_cents).toBe(7500);
  expect(await budgetOf(o.locationId)).toMatchObject({
    remaining: 20_000, ledger: [['charge', 10_000], ['refund', -2500], ['refund', -7500]], consistent: true,
  });

  // A replayed refund is refused and gives nothing back twice.
  expect((await rest(t, 'PUT', REFUND(o.orderId), { bearer: buyer.cat, body: {} })).status).toBe(409);
  expect((await budgetOf(o.locationId)).ledger).toHaveLength(3);
});

test('an order charged in a period that has closed leaves the current spend alone', async () => {
  const o = await fulfilledCompanyOrder();
  // As if the budget had rolled over since: the charge counts in last period, the location in this one.
  const em = t.db.orm.em.fork();
  await em.nativeUpdate(CompanyBudgetEntry, { location: o.locationId, kind: 'charge' }, { periodStart: '2020-01-01' });
  const before = await budgetOf(o.locationId);

  const refund = await rest(t, 'PUT', REFUND(o.orderId), { bearer: buyer.cat, body: {} });
  expect(refund.status, JSON.stringify(refund.body)).toBe(200);
  expect(await budgetOf(o.locationId)).toEqual(before);
});

test('orders outside any company refund as before, with no ledger entry', async () => {
  const plain = await orderOf(t, shop, buyer.customerId, 1000);
  expect((await rest(t, 'POST', `/admin/orders/${plain.id}/fulfillments`, { bearer: shop.adminToken, body: {} })).status).toBe(200);
  const count = await t.db.orm.em.fork().count(CompanyBudgetEntry, { order: plain.id });
  expect((await rest(t, 'PUT', REFUND(plain.id), { bearer: buyer.cat, body: {} })).status).toBe(200);
  expect(await t.db.orm.em.fork().count(CompanyBudgetEntry, { order: plain.id })).toBe(count);
});
