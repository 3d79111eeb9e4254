// Response shapes of orders, for the merchant and the customer alike.
import type { Order, OrderSummary } from '@cartly/contracts/orders';
import type { IFulfillment, IFulfillmentLine, IOrder, IOrderLine } from '@cartly/db';

export function orderSummaryOf(o: IOrder): OrderSummary {
  return {
    id: o.id,
    number: o.number,
    currency: o.currency,
    total_cents: o.totalCents,
    refunded_cents: o.refundedCents,
    financial_status: o.financialStatus,
    fulfillment_status: o.fulfillmentStatus,
    created_at: o.createdAt.toISOString(),
  };
}

export function orderOf(
  o: IOrder,
  lines: IOrderLine[],
  fulfillments: IFulfillment[],
  fulfillmentLines: IFulfillmentLine[],
): Order {
  return {
    ...orderSummaryOf(o),
    customer_id: o.customer,
    subtotal_cents: o.subtotalCents,
    paid_cents: o.paidCents,
    lines: lines.map((l) => ({
      id: l.id,
      variant_id: l.variant ?? null,
      title: l.title,
      sku: l.sku ?? null,
      quantity: l.quantity,
      unit_price_cents: l.unitPriceCents,
      fulfilled_quantity: l.fulfilledQuantity,
    })),
    fulfillments: fulfillments.map((f) => ({
      id: f.id,
      tracking_number: f.trackingNumber ?? null,
      fulfilled_at: f.fulfilledAt.toISOString(),
      lines: fulfillmentLines
        .filter((fl) => fl.fulfillment === f.id)
        .map((fl) => ({ order_line_id: fl.orderLine, quantity: fl.quantity })),
    })),
  };
}
