import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { idColumn } from './columns.js';
import { Shop } from '../shops/shop.js';

/**
 * Sliding-window request log of one throttled subject (an identifier or an
 * IP) of a shop. Updated under a row lock so limits hold across replicas.
 */
export const RateLimitWindow = defineEntity({
  name: 'RateLimitWindow',
  tableName: 'rate_limit_window',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    /** e.g. `id:ada@example.com`, `ip:203.0.113.7`. */
    subject: p.string().length(400),
    /** Epoch milliseconds of the counted requests, oldest first, pruned to the longest window. */
    hits: p.json<number[]>().onCreate(() => []),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
  uniques: [{ properties: ['shop', 'subject'] }],
  indexes: [{ properties: ['shop', 'updatedAt'] }],
});
export type IRateLimitWindow = InferEntity<typeof RateLimitWindow>;
