import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn } from '../lib/columns.js';
import { Shop } from './shop.js';
import { Customer } from '../customers/customer.js';

/**
 * Every opaque credential is stored only as the SHA-256 of the token; the
 * token itself is shown once at creation and never persisted.
 */
export const StorefrontAccessToken = defineEntity({
  name: 'StorefrontAccessToken',
  tableName: 'storefront_access_token',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    title: p.string().length(200),
    tokenHash: p.string().length(64).unique(),
    /** Optional: a SAT given a lifetime (`shop:create --sat-ttl-days`) stops working then. */
    expiresAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
    createdAt: createdAtColumn(),
  },
  indexes: [{ properties: ['shop'] }],
});
export type IStorefrontAccessToken = InferEntity<typeof StorefrontAccessToken>;

export const AdminToken = defineEntity({
  name: 'AdminToken',
  tableName: 'admin_token',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    title: p.string().length(200),
    tokenHash: p.string().length(64).unique(),
    scopes: p.json<string[]>(),
    expiresAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
    createdAt: createdAtColumn(),
  },
  indexes: [{ properties: ['shop'] }],
});
export type IAdminToken = InferEntity<typeof AdminToken>;

/** An installed third-party app: its OAuth token acts for it on one shop. */
export const App = defineEntity({
  name: 'App',
  tableName: 'app',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    name: p.string().length(200),
    clientId: p.string().length(64).unique(),
    tokenHash: p.string().length(64).unique(),
    iframeHosts: p.json<string[]>().onCreate(() => []),
    /** Optional: an app token given a lifetime (`app:install --ttl-days`) stops working then. */
    tokenExpiresAt: p.datetime().nullable(),
    uninstalledAt: p.datetime().nullable(),
    createdAt: createdAtColumn(),
  },
  indexes: [{ properties: ['shop'] }],
});
export type IApp = InferEntity<typeof App>;

export const CustomerAccessToken = defineEntity({
  name: 'CustomerAccessToken',
  tableName: 'customer_access_token',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    customer: p.manyToOne(Customer).mapToPk().deleteRule('cascade'),
    tokenHash: p.string().length(64).unique(),
    expiresAt: p.datetime(),
    revokedAt: p.datetime().nullable(),
    createdAt: createdAtColumn(),
  },
  indexes: [{ properties: ['shop', 'customer'] }],
});
export type ICustomerAccessToken = InferEntity<typeof CustomerAccessToken>;
