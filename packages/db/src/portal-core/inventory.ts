import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { idColumn, updatedAtColumn } from '../lib/columns.js';
import { Shop } from '../shops/shop.js';
import { ProductVariant } from '../catalog/products.js';

/**
 * Units on hand per variant. Minimal on purpose: the catalog had no inventory
 * yet, and portal refunds must restock. A variant without a row has never been
 * counted; restocking creates its row. Belongs with the catalog once it grows.
 */
export const InventoryLevel = defineEntity({
  name: 'InventoryLevel',
  tableName: 'inventory_level',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    variant: p.manyToOne(ProductVariant).mapToPk().deleteRule('cascade'),
    available: p.integer().default(0),
    updatedAt: updatedAtColumn(),
  },
  uniques: [{ properties: ['shop', 'variant'] }],
});
export type IInventoryLevel = InferEntity<typeof InventoryLevel>;
