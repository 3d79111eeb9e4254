import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn, updatedAtColumn } from '../lib/columns.js';
import { Shop } from '../shops/shop.js';
import { Customer } from '../customers/customer.js';

/*
 * Customer Account API OAuth client (SPEC §10, issue #13 item 6). Every secret
 * here is stored sealed by the API's secret box (AES-256-GCM with the shop and
 * purpose as associated data), so a row copied to another shop or column does
 * not open; the OAuth `state` is stored only as its SHA-256.
 */

/** The shop's external OAuth 2.0 / OIDC customer-account provider. */
export const AccountApiProvider = defineEntity({
  name: 'AccountApiProvider',
  tableName: 'account_api_provider',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade').unique(),
    issuer: p.string().length(500),
    clientId: p.string().length(200),
    /** Sealed client secret; null for a public client (PKCE only). */
    clientSecretSealed: p.text().nullable(),
    graphqlUrl: p.string().length(500),
    scopes: p.string().length(500),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
});
export type IAccountApiProvider = InferEntity<typeof AccountApiProvider>;

/** One pending authorization: single use (deleted when consumed), 10-minute life. */
export const AccountApiAuthorization = defineEntity({
  name: 'AccountApiAuthorization',
  tableName: 'account_api_authorization',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    customer: p.manyToOne(Customer).mapToPk().deleteRule('cascade'),
    stateHash: p.string().length(64).unique(),
    codeVerifierSealed: p.text(),
    nonce: p.string().length(100),
    returnUrl: p.text(),
    expiresAt: p.datetime(),
    createdAt: createdAtColumn(),
  },
  indexes: [{ properties: ['shop', 'customer'] }, { properties: ['expiresAt'] }],
});
export type IAccountApiAuthorization = InferEntity<typeof AccountApiAuthorization>;

/** A customer's tokens at the provider; one row per customer, replaced on every login. */
export const AccountApiToken = defineEntity({
  name: 'AccountApiToken',
  tableName: 'account_api_token',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    customer: p.manyToOne(Customer).mapToPk().deleteRule('cascade'),
    accessTokenSealed: p.text(),
    refreshTokenSealed: p.text().nullable(),
    /** Kept for RP-initiated logout (`id_token_hint`). */
    idTokenSealed: p.text().nullable(),
    /** The provider's subject for this customer. */
    subject: p.string().length(255),
    scope: p.string().length(500).nullable(),
    accessTokenExpiresAt: p.datetime(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  uniques: [{ properties: ['shop', 'customer'] }],
});
export type IAccountApiToken = InferEntity<typeof AccountApiToken>;
