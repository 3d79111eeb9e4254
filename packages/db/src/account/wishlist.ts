import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn } from '../lib/columns.js';
import { Shop } from '../shops/shop.js';
import { Customer } from '../customers/customer.js';
import { ProductVariant } from '../catalog/products.js';

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
