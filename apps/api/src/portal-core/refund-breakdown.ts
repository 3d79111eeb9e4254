import type { OrderRefundIneligibleReason, PortalSettingsDocument } from '@cartly/contracts/portal-core';
import {
  activeReturnQuantities, Fulfillment, Order, OrderLine, OrderRefund, orderRefundKey, Refund, ReturnRequest,
  type EntityManager, type IOrder, type IRefund, type StoredRestockLine,
} from '@cartly/db';
import { AppError } from '../errors.js';

export type RefundPolicy = PortalSettingsDocument['refunds'];

export interface RefundBreakdown {
  order: IOrder;
  paidCents: number;
  alreadyRefundedCents: number;
  refundableCents: number;
  restockingFeeCents: number;
  nonRefundableFeesCents: number;
  netRefundCents: number;
  restock: StoredRestockLine[];
  windowEndsAt: Date | null;
  ineligibleReason: OrderRefundIneligibleReason | null;
  /** The ledger refund of an earlier attempt that moved the money but did not get to record it. */
  unrecordedRefund: IRefund | null;
}

const DAY_MS = 24 * 3600_000;

/** Basis points of an amount, rounded half up, in integers only (no float cents). */
const bpsOf = (cents: number, bps: number) => Math.floor((cents * bps + 5_000) / 10_000);

/**
 * The one computation behind both the preview and the refund, so they agree
 * to the cent. Refundable is what remains of the payment after every earlier
 * refund (returns refund through the same ledger, so they are in
 * order.refunded_cents); fees come off that; restock is what was fulfilled
 * minus what returns already hold. Another customer's or shop's order is 404.
 */
export async function refundBreakdown(
  em: EntityManager,
  q: { shopId: string; customerId: string; orderId: string; now: Date },
  policy: RefundPolicy,
): Promise<RefundBreakdown> {
  const order = await em.findOne(Order, { id: q.orderId, shop: q.shopId, customer: q.customerId });
  if (!order) throw new AppError('NOT_FOUND', 'order not found');
  const where = { shop: q.shopId, order: order.id };
  // One after another: inside the refund's transaction they share one connection.
  const lines = await em.find(OrderLine, where, { orderBy: { id: 'asc' } });
  const fulfillments = await em.find(Fulfillment, where, { fields: ['fulfilledAt'] });
  const recorded = await em.count(OrderRefund, where);
  // Every ledger refund of the order in one statement (one snapshot): a refund committing between two
  // reads (the order row, then the refunds) must not be counted in one and missed in the other.
  const ledger = await em.find(Refund, where);
  const openReturns = await em.count(ReturnRequest, { ...where, $or: [{ status: 'approved' }, { status: 'requested', expiresAt: { $gt: q.now } }] });
  const held = await activeReturnQuantities(em, { shopId: q.shopId, orderId: order.id, now: q.now });

  // Our own refund, if an earlier attempt made it without recording it, counts as not yet made,
  // so a retry recomputes the same amount (and replays the same idempotency key).
  const ownKey = orderRefundKey(order.id);
  const unrecordedRefund = recorded === 0 ? (ledger.find((r) => r.idempotencyKey === ownKey) ?? null) : null;
  const alreadyRefundedCents = ledger.filter((r) => r !== unrecordedRefund).reduce((sum, r) => sum + r.amountCents, 0);
  const refundableCents = Math.max(0, order.paidCents - alreadyRefundedCents);
  const restockingFeeCents = bpsOf(refundableCents, policy.restocking_fee_bps);
  const nonRefundableFeesCents = Math.min(policy.non_refundable_fee_cents, refundableCents - restockingFeeCents);
  const netRefundCents = refundableCents - restockingFeeCents - nonRefundableFeesCents;

  const lastFulfilledAt = Math.max(...fulfillments.map((f) => f.fulfilledAt.getTime()));
  const windowEndsAt = fulfillments.length ? new Date(lastFulfilledAt + policy.window_days * DAY_MS) : null;
  const restock = lines
    .map((l) => ({ orderLineId: l.id, variantId: l.variant ?? null, title: l.title, quantity: Math.max(0, l.fulfilledQuantity - (held.get(l.id) ?? 0)) }))
    .filter((l) => l.quantity > 0);

  const ineligibleReason: OrderRefundIneligibleReason | null =
    !policy.enabled ? 'refunds_disabled'
    : recorded > 0 ? 'already_refunded'
    : order.fulfillmentStatus !== 'fulfilled' ? 'not_fulfilled'
    : windowEndsAt === null || q.now > windowEndsAt ? 'refund_window_closed'
    : openReturns > 0 ? 'return_in_progress'
    : netRefundCents <= 0 ? 'nothing_to_refund'
    : null;

  return {
    order, paidCents: order.paidCents, alreadyRefundedCents, refundableCents, restockingFeeCents, nonRefundableFeesCents,
    netRefundCents, restock, windowEndsAt, ineligibleReason, unrecordedRefund,
  };
}
