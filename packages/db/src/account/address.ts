import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn, updatedAtColumn } from '../lib/columns.js';
import { Shop } from '../shops/shop.js';
import { Customer } from '../customers/customer.js';

export const CustomerAddress = defineEntity({
  name: 'CustomerAddress',
  tableName: 'customer_address',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    customer: p.manyToOne(Customer).mapToPk().deleteRule('cascade'),
    firstName: p.string().length(100).nullable(),
    lastName: p.string().length(100).nullable(),
    company: p.string().length(200).nullable(),
    address1: p.string().length(200),
    address2: p.string().length(200).nullable(),
    city: p.string().length(100),
    province: p.string().length(100).nullable(),
    zip: p.string().length(20).nullable(),
    countryCode: p.string().length(2),
    phone: p.string().length(16).nullable(),
    /** At most one per customer, enforced by a partial unique index (see migration). */
    isDefault: p.boolean().default(false),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  indexes: [{ properties: ['shop', 'customer'] }],
});
export type ICustomerAddress = InferEntity<typeof CustomerAddress>;
