import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn } from '../lib/columns.js';
import { Shop } from '../shops/shop.js';

/**
 * Customer-portal settings (SPEC §10): every save is a new row, so earlier
 * versions stay readable; the current one is the highest version. The unique
 * (shop, version) key makes two concurrent saves of the same base version
 * collide instead of silently overwriting each other. The document's shape is
 * the API's contract (validated there); the database keeps it as JSON.
 */
export const PortalSettingsVersion = defineEntity({
  name: 'PortalSettingsVersion',
  tableName: 'portal_settings_version',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    /** 1, 2, 3, ... per shop (CHECK > 0 in migration). */
    version: p.integer(),
    document: p.json<Record<string, unknown>>(),
    createdAt: createdAtColumn(),
  },
  uniques: [{ properties: ['shop', 'version'] }],
});
export type IPortalSettingsVersion = InferEntity<typeof PortalSettingsVersion>;
