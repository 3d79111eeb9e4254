import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_PORTAL_SETTINGS, type PortalSettingsDocument } from '@cartly/contracts/portal-core';
import { Order, OrderRefund, PortalActivity, Refund } from '@cartly/db';
import { rmaWorkflowId } from '@cartly/contracts/workflows';
import { ledgerPaymentProvider, type PaymentProvider } from '@cartly/payments';
import type { RunningWorker } from '@cartly/worker';
import { createLoggedInCustomer, createShop, createTwoShops, rest, startTestApi, trpcClient, type TestApi, type TestShop } from '../../test/harness.js';
import {
  fulfilledOrder, startReturnsWorker, terminateWorkflows, uniqueTaskQueue, waitForReturnStatus, type FulfilledOrder,
} from '../../test/returns.js';
import { inventoryOfLines, startApiWithPayments } from '../../test/portal-core-refunds.js';

/*
 * Self-service refunds end to end on real services: the API, the payments
 * ledger in PostgreSQL, the returns worker on Temporal (for the partial return
 * case) and an SMTP sink.
 */

let t: TestApi;
let worker: RunningWorker;
let shop: TestShop;
let other: TestShop;
let ann: { customerId: string; cat: string };
let bob: { customerId: string; cat: string };
let eve: { customerId: string; cat: string };
const started: string[] = [];

beforeAll(async () => {
  t = await startTestApi({ TEMPORAL_TASK_QUEUE: uniqueTaskQueue('portal-refunds') });
  worker = await startReturnsWorker(t);
  ({ shop, other } = await createTwoShops(t));
  ann = await createLoggedInCustomer(t, shop, 'ann@example.com');
  bob = await createLoggedInCustomer(t, shop, 'bob@example.com');
  eve = await createLoggedInCustomer(t, other, 'eve@example.com');
});
afterAll(async () => {
  await terminateWorkflows(t, started.map(rmaWorkflowId));
  await worker.stop();
  await t.close();
});

const PREVIEW = (id: string) => `/subscriptions/cp/api/subscription-billing-attempts/refund-preview/${id}`;
const REFUND = (id: string) => `/subscriptions/cp/api/subscription-billing-attempts/refund-fulfillment/${id}`;

/** Everything a refund could change about an order. */
async function moneyOf(orderId: string) {
  const em = t.db.orm.em.fork();
  const order = await em.findOneOrFail(Order, { id: orderId });
  const refunds = await em.find(Refund, { order: orderId }, { orderBy: { createdAt: 'asc' } });
  return {
    refundedCents: order.refundedCents,
    financialStatus: order.financialStatus,
    ledger: refunds.map((r) => [r.idempotencyKey.split(':')[0], r.amountCents]),
    portalRefunds: await em.count(OrderRefund, { order: orderId }),
    activities: await em.count(PortalActivity, { subjectId: orderId }),
  };
}

async function withSettings(s: TestShop, refunds: Partial<PortalSettingsDocument['refunds']>) {
  const res = await rest(t, 'PUT', '/admin/customer-portal/settings', {
    bearer: s.adminToken,
    body: { settings: { ...DEFAULT_PORTAL_SETTINGS, refunds: { ...DEFAULT_PORTAL_SETTINGS.refunds, ...refunds } } },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

const amountsOf = (b: Record<string, unknown>) => ({
  paid: b.paid_cents, already: b.already_refunded_cents, refundable: b.refundable_cents,
  restocking: b.restocking_fee_cents, fees: b.non_refundable_fees_cents, net: b.net_refund_cents,
});

test('preview, then refund: they agree to the cent, the ledger moves the money once, stock returns, the customer is emailed', async () => {
  const order = await fulfilledOrder(t, shop, ann.customerId);
  const preview = await rest(t, 'GET', PREVIEW(order.id), { bearer: ann.cat });
  expect(preview.status, JSON.stringify(preview.body)).toBe(200);
  expect(preview.body).toMatchObject({
    order_id: order.id, order_number: order.number, currency: 'USD',
    paid_cents: 8500, already_refunded_cents: 0, refundable_cents: 8500, restocking_fee_cents: 0, non_refundable_fees_cents: 0,
    net_refund_cents: 8500, eligible: true, ineligible_reason: null,
  });
  expect(preview.body.restock.map((l: { quantity: number }) => l.quantity).sort()).toEqual([1, 3]);
  expect(await inventoryOfLines(t, [order.small, order.large])).toEqual([undefined, undefined]);

  const refund = await rest(t, 'PUT', REFUND(order.id), { bearer: ann.cat, body: { expected_amount_cents: 8500 } });
  expect(refund.status, JSON.stringify(refund.body)).toBe(200);
  expect(refund.body.amount_cents).toBe(preview.body.net_refund_cents);
  expect(amountsOf(refund.body)).toEqual(amountsOf(preview.body));
  expect(refund.body.restocked).toEqual(preview.body.restock);

  expect(await moneyOf(order.id)).toEqual({
    refundedCents: 8500, financialStatus: 'refunded', ledger: [['order-refund', 8500]], portalRefunds: 1, activities: 1,
  });
  const ledgerRow = await t.db.orm.em.fork().findOneOrFail(Refund, { order: order.id });
  expect(refund.body.refund_id).toBe(ledgerRow.id);
  expect(await inventoryOfLines(t, [order.small, order.large])).toEqual([3, 1]);
  const mail = await t.smtp.waitFor((m) => m.to.includes('ann@example.com') && m.subject.includes(`order #${order.number}:`));
  expect(mail.subject).toBe(`Your refund for order #${order.number}: $85.00`);

  const after = await rest(t, 'GET', PREVIEW(order.id), { bearer: ann.cat });
  expect(after.body).toMatchObject({ eligible: false, ineligible_reason: 'already_refunded', net_refund_cents: 0 });
  // Refunded and restocked: a return of the same units would be a second refund, so it is refused up front.
  const ret = await rest(t, 'POST', '/customer/returns', {
    bearer: ann.cat, body: { order_id: order.id, lines: [{ order_line_id: order.small, quantity: 1, reason: 'damaged' }] },
  });
  expect(ret.status).toBe(422);
  expect(ret.body.error.message).toBe('order_id: this order was already refunded, so it cannot be returned');
});

test('with the shop\'s restocking and non-refundable fees, preview equals refund over the typed client', async () => {
  const fees = await createShop(t, 'Fees');
  const cid = await createLoggedInCustomer(t, fees, 'cid@example.com');
  await withSettings(fees, { restocking_fee_bps: 250, non_refundable_fee_cents: 100 });
  const order = await fulfilledOrder(t, fees, cid.customerId);
  const client = trpcClient(t, { bearer: cid.cat });

  const preview = await client.portalCore.refunds.preview.query({ id: order.id });
  // 2.5 % of 8500 is 212.5, rounded half up to 213.
  expect(amountsOf(preview)).toEqual({ paid: 8500, already: 0, refundable: 8500, restocking: 213, fees: 100, net: 8187 });
  const refund = await client.portalCore.refunds.refund.mutate({ id: order.id, expected_amount_cents: preview.net_refund_cents });
  expect(amountsOf(refund)).toEqual(amountsOf(preview));
  expect(refund.amount_cents).toBe(8187);
  expect(await moneyOf(order.id)).toMatchObject({ refundedCents: 8187, financialStatus: 'partially_refunded', ledger: [['order-refund', 8187]] });
});

test.each([
  [333, 7, { restocking: 283, fees: 7, net: 8210 }],
  [9_999, 0, { restocking: 8499, fees: 0, net: 1 }],
  [0, 8_499, { restocking: 0, fees: 8499, net: 1 }],
])('restocking %i bps and a %i-cent fee: the preview\'s net is exactly what is refunded', async (bps, fee, expected) => {
  const s = await createShop(t, `Fees ${bps} ${fee}`);
  const c = await createLoggedInCustomer(t, s, `c${bps}-${fee}@example.com`);
  await withSettings(s, { restocking_fee_bps: bps, non_refundable_fee_cents: fee });
  const order = await fulfilledOrder(t, s, c.customerId);
  const preview = (await rest(t, 'GET', PREVIEW(order.id), { bearer: c.cat })).body;
  expect(amountsOf(preview)).toEqual({ paid: 8500, already: 0, refundable: 8500, ...expected });
  const refund = await rest(t, 'PUT', REFUND(order.id), { bearer: c.cat, body: { expected_amount_cents: preview.net_refund_cents } });
  expect(refund.body.amount_cents).toBe(preview.net_refund_cents);
  expect((await moneyOf(order.id)).ledger).toEqual([['order-refund', expected.net]]);
});

test('fees that take everything leave nothing to refund: 422, and no ledger row', async () => {
  const s = await createShop(t, 'All fees');
  const c = await createLoggedInCustomer(t, s, 'greedy@example.com');
  await withSettings(s, { non_refundable_fee_cents: 10_000 });
  const order = await fulfilledOrder(t, s, c.customerId);
  expect((await rest(t, 'GET', PREVIEW(order.id), { bearer: c.cat })).body).toMatchObject({
    non_refundable_fees_cents: 8500, net_refund_cents: 0, eligible: false, ineligible_reason: 'nothing_to_refund',
  });
  const res = await rest(t, 'PUT', REFUND(order.id), { bearer: c.cat, body: {} });
  expect(res.status).toBe(422);
  expect((await moneyOf(order.id)).ledger).toEqual([]);
});

test('a second refund of the same order is refused and the first happened once, even when six race', async () => {
  const order = await fulfilledOrder(t, shop, ann.customerId);
  const racing = await Promise.all(Array.from({ length: 6 }, () => rest(t, 'PUT', REFUND(order.id), { bearer: ann.cat, body: {} })));
  expect(racing.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
  for (const r of racing.filter((x) => x.status === 409)) expect(r.body.error.message).toMatch(/already refunded/);

  const again = await rest(t, 'PUT', REFUND(order.id), { bearer: ann.cat, body: {} });
  expect(again.status).toBe(409);
  expect(again.body.error.message).toBe('this order was already refunded');
  expect(await moneyOf(order.id)).toEqual({
    refundedCents: 8500, financialStatus: 'refunded', ledger: [['order-refund', 8500]], portalRefunds: 1, activities: 1,
  });
  expect(await inventoryOfLines(t, [order.small, order.large])).toEqual([3, 1]);
  await t.smtp.waitFor((m) => m.subject === `Your refund for order #${order.number}: $85.00`);
  await new Promise((r) => setTimeout(r, 300));
  expect(t.smtp.messages.filter((m) => m.subject.includes(`order #${order.number}:`))).toHaveLength(1);
});

test('after a partial return, the refund gives back only the rest and restocks only what was not returned', async () => {
  const order = await fulfilledOrder(t, shop, ann.customerId);
  const ret = await rest(t, 'POST', '/customer/returns', {
    bearer: ann.cat, body: { order_id: order.id, lines: [{ order_line_id: order.small, quantity: 2, reason: 'damaged' }] },
  });
  expect(ret.status, JSON.stringify(ret.body)).toBe(200);
  started.push(ret.body.id);
  // Undecided, the return holds the order: no refund may race it.
  const held = await rest(t, 'GET', PREVIEW(order.id), { bearer: ann.cat });
  expect(held.body).toMatchObject({ eligible: false, ineligible_reason: 'return_in_progress' });
  const refused = await rest(t, 'PUT', REFUND(order.id), { bearer: ann.cat, body: {} });
  expect(refused.status).toBe(422);
  expect(refused.body.error.details).toEqual({ reason: 'return_in_progress' });
  expect((await moneyOf(order.id)).ledger).toEqual([]);

  expect((await rest(t, 'POST', `/admin/returns/${ret.body.id}/approve`, { bearer: shop.adminToken, body: {} })).status).toBe(200);
  await waitForReturnStatus(t, ann.cat, ret.body.id, 'refunded');

  const preview = await rest(t, 'GET', PREVIEW(order.id), { bearer: ann.cat });
  expect(amountsOf(preview.body)).toEqual({ paid: 8500, already: 4000, refundable: 4500, restocking: 0, fees: 0, net: 4500 });
  const restock = Object.fromEntries(preview.body.restock.map((l: { order_line_id: string; quantity: number }) => [l.order_line_id, l.quantity]));
  expect(restock).toEqual({ [order.small]: 1, [order.large]: 1 });

  const refund = await rest(t, 'PUT', REFUND(order.id), { bearer: ann.cat, body: { expected_amount_cents: 4500 } });
  expect(refund.status, JSON.stringify(refund.body)).toBe(200);
  expect(refund.body.amount_cents).toBe(4500);
  expect(await moneyOf(order.id)).toEqual({
    refundedCents: 8500, financialStatus: 'refunded', ledger: [['return', 4000], ['order-refund', 4500]], portalRefunds: 1, activities: 1,
  });
  expect(await inventoryOfLines(t, [order.small, order.large])).toEqual([1, 1]);
});

describe('ineligible orders are refused with 422 (or 409 for a changed amount) and nothing moves', () => {
  const refusedWith = async (order: FulfilledOrder, status: number, reason: string | RegExp, body: Record<string, unknown> = {}) => {
    const before = await moneyOf(order.id);
    const res = await rest(t, 'PUT', REFUND(order.id), { bearer: ann.cat, body });
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    if (typeof reason === 'string') expect(res.body.error.details.reason).toBe(reason);
    else expect(res.body.error.message).toMatch(reason);
    expect(await moneyOf(order.id)).toEqual(before);
  };

  test('not fulfilled', async () => {
    const order = await fulfilledOrder(t, shop, ann.customerId, { fulfil: 'none' });
    expect((await rest(t, 'GET', PREVIEW(order.id), { bearer: ann.cat })).body).toMatchObject({ ineligible_reason: 'not_fulfilled', refund_window_ends_at: null });
    await refusedWith(order, 422, 'not_fulfilled');
  });
  test('partly fulfilled', async () => {
    await refusedWith(await fulfilledOrder(t, shop, ann.customerId, { fulfil: 'small' }), 422, 'not_fulfilled');
  });
  test('outside the refund window (30 days by default)', async () => {
    const order = await fulfilledOrder(t, shop, ann.customerId, { fulfilledAt: new Date(Date.now() - 31 * 24 * 3600_000) });
    await refusedWith(order, 422, 'refund_window_closed');
  });
  test('the amount changed since the customer confirmed it', async () => {
    const order = await fulfilledOrder(t, shop, ann.customerId);
    await refusedWith(order, 409, /^expected_amount_cents: the refund is now 8500, not 8400$/, { expected_amount_cents: 8400 });
  });
  test('the shop turned self-service refunds off', async () => {
    const off = await createShop(t, 'No refunds');
    await withSettings(off, { enabled: false });
    const dan = await createLoggedInCustomer(t, off, 'dan@example.com');
    const order = await fulfilledOrder(t, off, dan.customerId);
    const res = await rest(t, 'PUT', REFUND(order.id), { bearer: dan.cat, body: {} });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual({ reason: 'refunds_disabled' });
    expect((await moneyOf(order.id)).ledger).toEqual([]);
  });
});

test('another customer\'s order and another shop\'s customer get 404 on both faces, and nothing changes', async () => {
  const order = await fulfilledOrder(t, shop, ann.customerId);
  const before = await moneyOf(order.id);
  for (const cat of [bob.cat, eve.cat]) {
    expect((await rest(t, 'GET', PREVIEW(order.id), { bearer: cat })).status).toBe(404);
    const res = await rest(t, 'PUT', REFUND(order.id), { bearer: cat, body: {} });
    expect(res.status).toBe(404);
    expect(res.body.error).toEqual({ code: 'NOT_FOUND', message: 'order not found' });
    const client = trpcClient(t, { bearer: cat });
    await expect(client.portalCore.refunds.preview.query({ id: order.id })).rejects.toMatchObject({ data: { httpStatus: 404 } });
    await expect(client.portalCore.refunds.refund.mutate({ id: order.id })).rejects.toMatchObject({ data: { httpStatus: 404 } });
  }
  expect((await rest(t, 'PUT', REFUND(order.id), { body: {} })).status).toBe(401);
  expect((await rest(t, 'PUT', REFUND(order.id), { sat: shop.sat, body: {} })).status).toBe(401);
  const malformed = await rest(t, 'PUT', REFUND('1234'), { bearer: ann.cat, body: {} });
  expect(malformed.status).toBe(400);
  expect(malformed.body.error.message).toMatch(/^id:/);
  expect((await rest(t, 'PUT', REFUND(order.id), { bearer: ann.cat, body: { expected_amount_cents: -1 } })).status).toBe(400);
  expect(await moneyOf(order.id)).toEqual(before);
  expect(await inventoryOfLines(t, [order.small, order.large])).toEqual([undefined, undefined]);
});

test('when the money moved but the request failed, the retry records that refund without moving money again', async () => {
  const ledger = ledgerPaymentProvider({ orm: t.db.orm });
  let loseNextAnswer = true;
  const flaky: PaymentProvider = {
    name: ledger.name,
    async refund(r) {
      const receipt = await ledger.refund(r);
      if (loseNextAnswer) {
        loseNextAnswer = false;
        throw new Error('connection reset after the provider refunded');
      }
      return receipt;
    },
  };
  const api = await startApiWithPayments(t, flaky);
  try {
    const order = await fulfilledOrder(t, shop, ann.customerId);
    const lost = await rest(api, 'PUT', REFUND(order.id), { bearer: ann.cat, body: {} });
    expect(lost.status).toBe(500);
    expect(await moneyOf(order.id)).toEqual({
      refundedCents: 8500, financialStatus: 'refunded', ledger: [['order-refund', 8500]], portalRefunds: 0, activities: 0,
    });
    // The unrecorded refund counts as not yet made: the preview still offers exactly it.
    expect((await rest(t, 'GET', PREVIEW(order.id), { bearer: ann.cat })).body).toMatchObject({ eligible: true, net_refund_cents: 8500 });

    const retried = await rest(api, 'PUT', REFUND(order.id), { bearer: ann.cat, body: {} });
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    expect(retried.body.amount_cents).toBe(8500);
    expect(await moneyOf(order.id)).toEqual({
      refundedCents: 8500, financialStatus: 'refunded', ledger: [['order-refund', 8500]], portalRefunds: 1, activities: 1,
    });
    expect(await inventoryOfLines(t, [order.small, order.large])).toEqual([3, 1]);
  } finally {
    await api.close();
  }
});
