import { afterAll, beforeAll, expect, test } from 'vitest';
import { Customer, Order, poolReader, poolTransaction, Refund, Shop } from '@cartly/db';
import { createTestDatabase, type TestDatabase } from '@cartly/db/testing';
import { ledgerPaymentProvider } from './ledger-provider.js';
import { RefundRefusedError, returnRefundKey, type PaymentProvider } from './provider.js';

let db: TestDatabase;
let provider: PaymentProvider;
let shopId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  provider = ledgerPaymentProvider({ orm: db.orm });
  const em = db.orm.em.fork();
  const shop = em.create(Shop, { name: 'Ledger', domain: `ledger-${Date.now()}.cartly.test`, currency: 'USD' });
  await em.flush();
  shopId = shop.id;
});
afterAll(() => db.drop());

let orderNumber = 1000;
async function paidOrder(paidCents: number) {
  const em = db.orm.em.fork();
  const customer = em.create(Customer, { shop: shopId, email: `c${orderNumber}@example.com` });
  const order = em.create(Order, {
    shop: shopId, customer: customer.id, number: ++orderNumber, currency: 'USD',
    subtotalCents: paidCents, totalCents: paidCents, paidCents,
  });
  await em.flush();
  return order.id;
}

const state = async (orderId: string) => {
  const em = db.orm.em.fork();
  const order = await em.findOneOrFail(Order, { id: orderId });
  return { refundedCents: order.refundedCents, status: order.financialStatus, refunds: await em.count(Refund, { order: orderId }) };
};

test('a refund is recorded against the order\'s payment and a replay of its key moves no money', async () => {
  const orderId = await paidOrder(5000);
  const request = { shopId, orderId, amountCents: 2000, currency: 'USD', idempotencyKey: 'k-replay' };
  const first = await provider.refund(request);
  expect(first).toMatchObject({ provider: 'ledger', amountCents: 2000, replayed: false });
  const again = await provider.refund(request);
  expect(again).toEqual({ ...first, replayed: true });
  expect(await state(orderId)).toEqual({ refundedCents: 2000, status: 'partially_refunded', refunds: 1 });
});

// The whole payment: a call that waited for the lock finds the payment used up and must look the key up again;
// part of it: it finds the key taken (its insert conflicts).
test.each([
  { part: 'the whole payment', paid: 3000, amount: 3000, status: 'refunded', id: '00000000-0000-7000-8000-000000000001' },
  { part: 'part of the payment', paid: 5000, amount: 1200, status: 'partially_refunded', id: '00000000-0000-7000-8000-000000000002' },
])('twenty concurrent calls with one key for $part refund once', async ({ paid, amount, status, id }) => {
  const orderId = await paidOrder(paid);
  const request = { shopId, orderId, amountCents: amount, currency: 'USD', idempotencyKey: returnRefundKey(id) };
  const receipts = await Promise.all(Array.from({ length: 20 }, () => provider.refund(request)));
  expect(new Set(receipts.map((r) => r.refundId)).size).toBe(1);
  expect(receipts.filter((r) => !r.replayed)).toHaveLength(1);
  expect(await state(orderId)).toEqual({ refundedCents: amount, status, refunds: 1 });
});

test('a call that waited for the lock while the same key refunded the whole payment answers with that refund', async () => {
  // A statement that waited for the order's lock sees the order as the holder left it (fully refunded) but the
  // refund table as it was when it began (no refund yet): it must look the key up again, not refuse.
  const orderId = await paidOrder(2500);
  const key = returnRefundKey('00000000-0000-7000-8000-000000000003');
  const refundId = '00000000-0000-7000-8000-0000000000aa';
  let call: Promise<Awaited<ReturnType<PaymentProvider['refund']>>> | undefined;
  await poolTransaction(db.orm, async (tx) => {
    await tx.rows('select 1 from "order" where "id" = ? for update', [orderId]);
    call = provider.refund({ shopId, orderId, amountCents: 2500, currency: 'USD', idempotencyKey: key });
    const waiting = async () => (await poolReader(db.orm).rows<{ n: number }>(
      "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'", []))[0]!.n;
    while ((await waiting()) === 0) await new Promise((r) => setTimeout(r, 10));
    await tx.rows(
      `insert into "refund" ("id", "shop_id", "order_id", "idempotency_key", "amount_cents", "currency", "provider", "provider_reference", "created_at")
       values (?, ?, ?, ?, 2500, 'USD', 'ledger', 'ledger_first', now())`,
      [refundId, shopId, orderId, key]);
    await tx.rows('update "order" set "refunded_cents" = 2500, "financial_status" = \'refunded\' where "id" = ?', [orderId]);
  });
  await expect(call).resolves.toMatchObject({ refundId, amountCents: 2500, replayed: true });
  expect(await state(orderId)).toEqual({ refundedCents: 2500, status: 'refunded', refunds: 1 });
});

test('refunds never exceed what was paid, even with different keys racing', async () => {
  const orderId = await paidOrder(5000);
  const results = await Promise.allSettled(
    ['a', 'b', 'c'].map((k) => provider.refund({ shopId, orderId, amountCents: 2000, currency: 'USD', idempotencyKey: `race-${k}` })),
  );
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
  const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
  expect(refused.reason).toBeInstanceOf(RefundRefusedError);
  expect(refused.reason.refusal).toBe('exceeds_payment');
  expect(await state(orderId)).toEqual({ refundedCents: 4000, status: 'partially_refunded', refunds: 2 });
});

test('a key reused for a different amount, another shop\'s order and a non-positive amount are refused', async () => {
  const orderId = await paidOrder(5000);
  await provider.refund({ shopId, orderId, amountCents: 100, currency: 'USD', idempotencyKey: 'k-reuse' });
  await expect(provider.refund({ shopId, orderId, amountCents: 200, currency: 'USD', idempotencyKey: 'k-reuse' }))
    .rejects.toMatchObject({ refusal: 'key_reused' });
  const em = db.orm.em.fork();
  const otherShop = em.create(Shop, { name: 'Other', domain: `other-${Date.now()}.cartly.test`, currency: 'USD' });
  await em.flush();
  await expect(provider.refund({ shopId: otherShop.id, orderId, amountCents: 100, currency: 'USD', idempotencyKey: 'k-x' }))
    .rejects.toMatchObject({ refusal: 'order_not_found' });
  await expect(provider.refund({ shopId, orderId, amountCents: 0, currency: 'USD', idempotencyKey: 'k-zero' }))
    .rejects.toMatchObject({ refusal: 'invalid_amount' });
  expect(await state(orderId)).toEqual({ refundedCents: 100, status: 'partially_refunded', refunds: 1 });
});
