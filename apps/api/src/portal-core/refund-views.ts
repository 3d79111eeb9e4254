import type { OrderRefundDto, OrderRefundPreviewDto } from '@cartly/contracts/portal-core';
import type { IOrderRefund, StoredRestockLine } from '@cartly/db';
import type { RefundBreakdown } from './refund-breakdown.js';

const restockView = (lines: StoredRestockLine[]) =>
  lines.map((l) => ({ order_line_id: l.orderLineId, variant_id: l.variantId, title: l.title, quantity: l.quantity }));

export function refundPreviewView(b: RefundBreakdown): OrderRefundPreviewDto {
  return {
    order_id: b.order.id,
    order_number: b.order.number,
    currency: b.order.currency,
    paid_cents: b.paidCents,
    already_refunded_cents: b.alreadyRefundedCents,
    refundable_cents: b.refundableCents,
    restocking_fee_cents: b.restockingFeeCents,
    non_refundable_fees_cents: b.nonRefundableFeesCents,
    net_refund_cents: b.netRefundCents,
    restock: restockView(b.restock),
    eligible: b.ineligibleReason === null,
    ineligible_reason: b.ineligibleReason,
    refund_window_ends_at: b.windowEndsAt?.toISOString() ?? null,
  };
}

export function orderRefundView(r: IOrderRefund, orderNumber: number): OrderRefundDto {
  const refundable = r.paidCents - r.alreadyRefundedCents;
  return {
    id: r.id,
    order_id: r.order,
    order_number: orderNumber,
    refund_id: r.refund,
    currency: r.currency,
    paid_cents: r.paidCents,
    already_refunded_cents: r.alreadyRefundedCents,
    refundable_cents: refundable,
    restocking_fee_cents: r.restockingFeeCents,
    non_refundable_fees_cents: r.nonRefundableFeesCents,
    net_refund_cents: r.amountCents,
    amount_cents: r.amountCents,
    restocked: restockView(r.restocked),
    refunded_at: r.createdAt.toISOString(),
  };
}
