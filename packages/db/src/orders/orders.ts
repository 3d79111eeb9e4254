import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn } from '../lib/columns.js';
import { Shop } from '../shops/shop.js';
import { Customer } from '../customers/customer.js';
import { ProductVariant } from '../catalog/products.js';

export const Order = defineEntity({
  name: 'Order',
  tableName: 'order',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    customer: p.manyToOne(Customer).mapToPk(),
    /** Human-facing number, unique per shop (#1001, #1002, ...). */
    number: p.integer(),
    currency: p.string().length(3),
    subtotalCents: p.integer(),
    totalCents: p.integer(),
    /** What the payment captured; refunds can never exceed it (CHECK in migration). */
    paidCents: p.integer(),
    refundedCents: p.integer().default(0),
    financialStatus: p.enum(['paid', 'partially_refunded', 'refunded']).default('paid'),
    fulfillmentStatus: p.enum(['unfulfilled', 'partial', 'fulfilled']).default('unfulfilled'),
    createdAt: createdAtColumn(),
  },
  uniques: [{ properties: ['shop', 'number'] }],
  indexes: [{ properties: ['shop', 'customer'] }],
});
export type IOrder = InferEntity<typeof Order>;

export const OrderLine = defineEntity({
  name: 'OrderLine',
  tableName: 'order_line',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    order: p.manyToOne(Order).mapToPk().deleteRule('cascade'),
    variant: p.manyToOne(ProductVariant).mapToPk().nullable().deleteRule('set null'),
    title: p.string().length(255),
    sku: p.string().length(100).nullable(),
    quantity: p.integer(),
    unitPriceCents: p.integer(),
    /** Sum of fulfilment lines; kept here so eligibility checks need no aggregate. */
    fulfilledQuantity: p.integer().default(0),
  },
  indexes: [{ properties: ['shop', 'order'] }],
});
export type IOrderLine = InferEntity<typeof OrderLine>;

export const Fulfillment = defineEntity({
  name: 'Fulfillment',
  tableName: 'fulfillment',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    order: p.manyToOne(Order).mapToPk().deleteRule('cascade'),
    trackingNumber: p.string().length(100).nullable(),
    fulfilledAt: p.datetime(),
    createdAt: createdAtColumn(),
  },
  indexes: [{ properties: ['shop', 'order'] }],
});
export type IFulfillment = InferEntity<typeof Fulfillment>;

export const FulfillmentLine = defineEntity({
  name: 'FulfillmentLine',
  tableName: 'fulfillment_line',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    fulfillment: p.manyToOne(Fulfillment).mapToPk().deleteRule('cascade'),
    orderLine: p.manyToOne(OrderLine).mapToPk().deleteRule('cascade'),
    quantity: p.integer(),
  },
  indexes: [{ properties: ['shop', 'fulfillment'] }, { properties: ['shop', 'orderLine'] }],
});
export type IFulfillmentLine = InferEntity<typeof FulfillmentLine>;
