import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { idColumn, updatedAtColumn } from '../lib/columns.js';
import { Shop } from '../shops/shop.js';

/** What the sanitiser removed, as stored (the API's `dropped` items). */
export interface StoredCssDrop {
  what: string;
  reason: string;
  line: number | null;
  column: number | null;
}

/**
 * A shop's custom portal CSS: the merchant's source (so they can edit it) and
 * the sanitised CSS that is the only thing ever served, with its ETag.
 */
export const PortalCustomCss = defineEntity({
  name: 'PortalCustomCss',
  tableName: 'portal_custom_css',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade').unique(),
    source: p.text(),
    css: p.text(),
    etag: p.string().length(100),
    dropped: p.json<StoredCssDrop[]>(),
    updatedAt: updatedAtColumn(),
  },
});
export type IPortalCustomCss = InferEntity<typeof PortalCustomCss>;
