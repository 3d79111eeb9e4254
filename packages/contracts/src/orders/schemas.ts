import { z } from 'zod';
import { ZCurrency, ZId, ZMoneyCents, ZTimestamp } from '../common/schemas.js';

export const ZOrderLine = z.object({
  id: ZId,
  variant_id: ZId.nullable(),
  title: z.string(),
  sku: z.string().nullable(),
  quantity: z.number().int(),
  unit_price_cents: ZMoneyCents,
  fulfilled_quantity: z.number().int().describe('How many units of this line have shipped.'),
});

export const ZFulfillment = z.object({
  id: ZId,
  tracking_number: z.string().nullable(),
  fulfilled_at: ZTimestamp,
  lines: z.array(z.object({ order_line_id: ZId, quantity: z.number().int() })),
});

export const ZOrderSummary = z.object({
  id: ZId,
  number: z.number().int().describe('Shop-scoped order number.'),
  currency: ZCurrency,
  total_cents: ZMoneyCents,
  refunded_cents: ZMoneyCents,
  financial_status: z.enum(['paid', 'partially_refunded', 'refunded']),
  fulfillment_status: z.enum(['unfulfilled', 'partial', 'fulfilled']),
  created_at: ZTimestamp,
});

export const ZOrder = ZOrderSummary.extend({
  customer_id: ZId,
  subtotal_cents: ZMoneyCents,
  paid_cents: ZMoneyCents,
  lines: z.array(ZOrderLine),
  fulfillments: z.array(ZFulfillment),
}).describe('An order with its lines and fulfilments.');
export type Order = z.infer<typeof ZOrder>;
export type OrderSummary = z.infer<typeof ZOrderSummary>;
