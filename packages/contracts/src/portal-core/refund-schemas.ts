import { z } from 'zod';
import { ZCurrency, ZId, ZMoneyCents, ZTimestamp } from '../common/schemas.js';

export const ORDER_REFUND_INELIGIBLE_REASONS = [
  'refunds_disabled', 'not_fulfilled', 'refund_window_closed', 'return_in_progress', 'already_refunded', 'nothing_to_refund',
] as const;
export const ZOrderRefundIneligibleReason = z
  .enum(ORDER_REFUND_INELIGIBLE_REASONS)
  .describe(
    '`refunds_disabled`: the shop does not offer self-service refunds; `not_fulfilled`: the order is not fully fulfilled; ' +
      '`refund_window_closed`: the refund window after the last fulfilment has passed; `return_in_progress`: a return of ' +
      'this order awaits a decision or its refund; `already_refunded`: the order was refunded from the portal; ' +
      '`nothing_to_refund`: returns and earlier refunds already gave back everything left after fees.',
  );
export type OrderRefundIneligibleReason = z.infer<typeof ZOrderRefundIneligibleReason>;

export const ZRestockLine = z
  .object({
    order_line_id: ZId,
    variant_id: ZId.nullable().describe('The variant whose inventory goes back up; null if it was deleted (nothing is restocked).'),
    title: z.string().describe('Title of the order line.'),
    quantity: z.number().int().describe('Units restocked: fulfilled minus those already returned.'),
  })
  .describe('Units of one order line that go back into inventory.');

const amounts = {
  currency: ZCurrency,
  paid_cents: ZMoneyCents.describe('What the customer paid for the order.'),
  already_refunded_cents: ZMoneyCents.describe('Refunded before, by returns and any earlier refund.'),
  refundable_cents: ZMoneyCents.describe('What remains of the payment: paid − already refunded.'),
  restocking_fee_cents: ZMoneyCents.describe('The shop\'s restocking fee on the refundable amount.'),
  non_refundable_fees_cents: ZMoneyCents.describe('Fees the shop keeps (e.g. payment processing).'),
  net_refund_cents: ZMoneyCents.describe('What the customer gets back: refundable − restocking fee − non-refundable fees, never below 0.'),
};

export const ZOrderRefundPreview = z
  .object({
    order_id: ZId,
    order_number: z.number().int().describe('The order\'s shop-scoped number.'),
    ...amounts,
    restock: z.array(ZRestockLine).describe('What a refund would put back into inventory.'),
    eligible: z.boolean().describe('Whether `PUT …/refund-fulfillment/{id}` would refund `net_refund_cents` now.'),
    ineligible_reason: ZOrderRefundIneligibleReason.nullable().describe('Why not, when `eligible` is false.'),
    refund_window_ends_at: ZTimestamp.nullable().describe('Last moment a refund is possible; null before fulfilment.'),
  })
  .describe('What refunding the order would give back, computed exactly as the refund computes it.');
export type OrderRefundPreviewDto = z.infer<typeof ZOrderRefundPreview>;

export const ZOrderRefund = z
  .object({
    id: ZId.describe('This portal refund.'),
    order_id: ZId,
    order_number: z.number().int(),
    refund_id: ZId.describe('The payment refund in the ledger (the same ledger returns refund through).'),
    ...amounts,
    amount_cents: ZMoneyCents.describe('What was refunded; equals `net_refund_cents`.'),
    restocked: z.array(ZRestockLine).describe('What went back into inventory.'),
    refunded_at: ZTimestamp,
  })
  .describe('A completed self-service refund of a fulfilled order.');
export type OrderRefundDto = z.infer<typeof ZOrderRefund>;
