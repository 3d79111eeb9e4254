import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn } from '../lib/columns.js';
import { Shop } from '../shops/shop.js';
import { Customer } from '../customers/customer.js';
import { Order } from '../orders/orders.js';
import { Refund } from '../returns/refund.js';

export interface StoredRestockLine {
  orderLineId: string;
  variantId: string | null;
  title: string;
  quantity: number;
}

/**
 * A customer's self-service refund of a whole fulfilled order. Unique per
 * order: the database, not a read-then-write check, is what makes a second
 * refund of the same order impossible. The money itself is the ledger's
 * `refund` row it points to (idempotency key `order-refund:<order id>`).
 */
export const OrderRefund = defineEntity({
  name: 'OrderRefund',
  tableName: 'order_refund',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    order: p.manyToOne(Order).mapToPk().unique(),
    customer: p.manyToOne(Customer).mapToPk(),
    refund: p.manyToOne(Refund).mapToPk().unique(),
    currency: p.string().length(3),
    paidCents: p.integer(),
    alreadyRefundedCents: p.integer(),
    restockingFeeCents: p.integer(),
    nonRefundableFeesCents: p.integer(),
    /** Positive (CHECK in migration); equals the ledger refund's amount. */
    amountCents: p.integer(),
    restocked: p.json<StoredRestockLine[]>(),
    createdAt: createdAtColumn(),
  },
  indexes: [{ properties: ['shop', 'customer'] }],
});
export type IOrderRefund = InferEntity<typeof OrderRefund>;

/** The ledger idempotency key of an order's portal refund: one order, one such refund, ever. */
export function orderRefundKey(orderId: string): string {
  return `order-refund:${orderId}`;
}
