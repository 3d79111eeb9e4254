import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn, updatedAtColumn } from '../lib/columns.js';
import { Shop } from '../shops/shop.js';

export const Customer = defineEntity({
  name: 'Customer',
  tableName: 'customer',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    /** Normalised (trimmed, NFKC, lower-cased) so lookups are exact. */
    email: p.string().length(320).nullable(),
    /** E.164. */
    phone: p.string().length(16).nullable(),
    /**
     * E.164 the customer asked to use, not yet proven by a code sent to it.
     * No login looks at it, and it is not unique: anyone may claim any number.
     */
    pendingPhone: p.string().length(16).nullable(),
    /** When the email was proven by a trusted identity provider (enterprise SSO); null when never. */
    emailVerifiedAt: p.datetime().nullable(),
    firstName: p.string().length(100).nullable(),
    lastName: p.string().length(100).nullable(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  uniques: [{ properties: ['shop', 'email'] }, { properties: ['shop', 'phone'] }],
});
export type ICustomer = InferEntity<typeof Customer>;
