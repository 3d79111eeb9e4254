import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn } from '../lib/columns.js';
import { Shop } from '../shops/shop.js';
import { Order } from '../orders/orders.js';
import { ReturnRequest } from './returns.js';

/**
 * Money given back against an order's payment. The idempotency key is unique
 * per shop, so a refund that is retried, replayed or raced is stored once; the
 * order's refunded_cents (CHECKed against paid_cents) moves in the same
 * transaction as the insert. Used by returns today and by any later refund path.
 */
export const Refund = defineEntity({
  name: 'Refund',
  tableName: 'refund',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    order: p.manyToOne(Order).mapToPk(),
    /** The return this refund settles; at most one refund per return. */
    returnRequest: p.manyToOne(ReturnRequest).mapToPk().nullable().unique(),
    idempotencyKey: p.string().length(200),
    /** Positive (CHECK in migration). */
    amountCents: p.integer(),
    currency: p.string().length(3),
    /** Which payment provider executed it, and its reference for the refund. */
    provider: p.string().length(50),
    providerReference: p.string().length(200),
    createdAt: createdAtColumn(),
  },
  uniques: [{ properties: ['shop', 'idempotencyKey'] }],
  indexes: [{ properties: ['shop', 'order'] }],
});
export type IRefund = InferEntity<typeof Refund>;
