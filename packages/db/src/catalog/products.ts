import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn } from '../lib/columns.js';
import { Shop } from '../shops/shop.js';

export const Product = defineEntity({
  name: 'Product',
  tableName: 'product',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    title: p.string().length(255),
    handle: p.string().length(255),
    description: p.text().nullable(),
    status: p.enum(['active', 'draft', 'archived']).default('active'),
    createdAt: createdAtColumn(),
  },
  uniques: [{ properties: ['shop', 'handle'] }],
});
export type IProduct = InferEntity<typeof Product>;

export const ProductVariant = defineEntity({
  name: 'ProductVariant',
  tableName: 'product_variant',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    product: p.manyToOne(Product).mapToPk().deleteRule('cascade'),
    title: p.string().length(255),
    sku: p.string().length(100).nullable(),
    /** Minor units of the shop currency. */
    priceCents: p.integer(),
    createdAt: createdAtColumn(),
  },
  indexes: [{ properties: ['shop', 'product'] }],
});
export type IProductVariant = InferEntity<typeof ProductVariant>;
