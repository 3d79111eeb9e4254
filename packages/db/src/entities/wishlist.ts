import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn } from './columns.js';
import { Shop } from './shop.js';
import { Customer } from './customer.js';
import { ProductVariant } from './catalog.js';

export const WishlistItem = defineEntity({
  name: 'WishlistItem',
  tableName: 'wishlist_item',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    customer: p.manyToOne(Customer).mapToPk().deleteRule('cascade'),
    variant: p.manyToOne(ProductVariant).mapToPk().deleteRule('cascade'),
    createdAt: createdAtColumn(),
  },
  uniques: [{ properties: ['shop', 'customer', 'variant'] }],
});
export type IWishlistItem = InferEntity<typeof WishlistItem>;
