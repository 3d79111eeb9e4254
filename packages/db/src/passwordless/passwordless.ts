import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn } from '../lib/columns.js';
import { Shop } from '../shops/shop.js';

/**
 * A one-time login code. Only an HMAC of the code is stored. At most one code
 * per (shop, identifier) is `live` (partial unique index in the migration); a
 * new code supersedes the previous one. `attempts` counts every verification
 * tried against the code and is committed even when the request fails.
 */
export const OtpCode = defineEntity({
  name: 'OtpCode',
  tableName: 'otp_code',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    channel: p.enum(['email', 'sms']),
    /** Normalised email or E.164 phone. */
    identifier: p.string().length(320),
    /** HMAC-SHA256 (hex) of the code, keyed with a server secret and bound to this row's id. */
    codeHash: p.string().length(64),
    attempts: p.integer().default(0),
    state: p.enum(['live', 'used', 'superseded']).default('live'),
    expiresAt: p.datetime(),
    usedAt: p.datetime().nullable(),
    createdAt: createdAtColumn(),
  },
  indexes: [{ properties: ['shop', 'identifier', 'createdAt'] }, { properties: ['shop', 'createdAt'] }],
});
export type IOtpCode = InferEntity<typeof OtpCode>;


/**
 * The `jti` of every magic link that has been used. Inserting is the
 * consumption: the unique key makes a replay (or a concurrent second use)
 * find the row already there.
 */
export const MagicLinkUse = defineEntity({
  name: 'MagicLinkUse',
  tableName: 'magic_link_use',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    jti: p.uuid(),
    /** The link's own expiry; rows past it can be deleted (the JWT is dead anyway). */
    expiresAt: p.datetime(),
    createdAt: createdAtColumn(),
  },
  uniques: [{ properties: ['shop', 'jti'] }],
  indexes: [{ properties: ['shop', 'expiresAt'] }],
});
export type IMagicLinkUse = InferEntity<typeof MagicLinkUse>;
