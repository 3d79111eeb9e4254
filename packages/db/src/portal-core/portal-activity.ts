import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn } from '../lib/columns.js';
import { Shop } from '../shops/shop.js';
import { Customer } from '../customers/customer.js';

export const PORTAL_ACTIVITY_KINDS = ['order_refunded'] as const;
export type PortalActivityKind = (typeof PORTAL_ACTIVITY_KINDS)[number];

/** What customers did in the portal, for the merchant's activity log. `data` holds ids and amounts, no personal data. */
export const PortalActivity = defineEntity({
  name: 'PortalActivity',
  tableName: 'portal_activity',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    customer: p.manyToOne(Customer).mapToPk().nullable().deleteRule('set null'),
    kind: p.enum([...PORTAL_ACTIVITY_KINDS]),
    /** The object acted on (an order id, ...). */
    subjectId: p.uuid(),
    data: p.json<Record<string, unknown>>(),
    createdAt: createdAtColumn(),
  },
  indexes: [{ properties: ['shop', 'customer', 'createdAt'] }, { properties: ['shop', 'subjectId'] }],
});
export type IPortalActivity = InferEntity<typeof PortalActivity>;
