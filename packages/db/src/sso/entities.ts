import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn, updatedAtColumn } from '../lib/columns.js';
import { Shop } from '../shops/shop.js';
import { Customer } from '../customers/customer.js';
import { Company, COMPANY_ROLES } from '../companies/entities.js';

/*
 * Enterprise SSO (SPEC §8, issue #12). The client secret and the PKCE verifier
 * are stored sealed by the API's secret box (AES-256-GCM, the company id as
 * associated data); the OAuth `state` only as its SHA-256.
 */

export const SSO_PROVIDER_KINDS = ['google', 'azure', 'okta', 'custom'] as const;
export type SsoProviderKind = (typeof SSO_PROVIDER_KINDS)[number];

/** A company's OIDC identity provider; at most one per company. */
export const CompanySso = defineEntity({
  name: 'CompanySso',
  tableName: 'company_sso',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    company: p.manyToOne(Company).mapToPk().deleteRule('cascade').unique(),
    provider: p.enum([...SSO_PROVIDER_KINDS]),
    issuer: p.string().length(500),
    clientId: p.string().length(200),
    /** `v1.<kid>.<...>` from the secret box; never returned. */
    clientSecretSealed: p.text(),
    defaultRole: p.enum([...COMPANY_ROLES]),
    enabled: p.boolean(),
    enforce: p.boolean(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
});
export type ICompanySso = InferEntity<typeof CompanySso>;

/**
 * An email domain a company's SSO claims: lower-case ASCII (IDN as `xn--`).
 * Unique per shop, so two companies can never claim one domain, even racing.
 */
export const CompanySsoDomain = defineEntity({
  name: 'CompanySsoDomain',
  tableName: 'company_sso_domain',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    sso: p.manyToOne(CompanySso).mapToPk().deleteRule('cascade'),
    domain: p.string().length(253),
    createdAt: createdAtColumn(),
  },
  uniques: [{ properties: ['shop', 'domain'] }],
  indexes: [{ properties: ['sso'] }],
});
export type ICompanySsoDomain = InferEntity<typeof CompanySsoDomain>;

/** One pending SSO login: single use (deleted when the callback takes it), 10-minute life. */
export const SsoLogin = defineEntity({
  name: 'SsoLogin',
  tableName: 'sso_login',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    company: p.manyToOne(Company).mapToPk().deleteRule('cascade'),
    /** SHA-256 of the state; the state itself exists only in the browser's URL. */
    stateHash: p.string().length(64).unique(),
    /** The issuer this flow started at: a callback is checked against it, not against whatever is configured now. */
    issuer: p.string().length(500),
    nonceSealed: p.text(),
    codeVerifierSealed: p.text(),
    redirectUri: p.text(),
    expiresAt: p.datetime(),
    createdAt: createdAtColumn(),
  },
  indexes: [{ properties: ['expiresAt'] }],
});
export type ISsoLogin = InferEntity<typeof SsoLogin>;

/** A customer's identity at an IdP: (issuer, subject) links logins before the email does. */
export const SsoIdentity = defineEntity({
  name: 'SsoIdentity',
  tableName: 'sso_identity',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    customer: p.manyToOne(Customer).mapToPk().deleteRule('cascade'),
    issuer: p.string().length(500),
    subject: p.string().length(255),
    lastLoginAt: p.datetime(),
    createdAt: createdAtColumn(),
  },
  uniques: [{ properties: ['shop', 'issuer', 'subject'] }],
  indexes: [{ properties: ['customer'] }],
});
export type ISsoIdentity = InferEntity<typeof SsoIdentity>;

export const ssoEntities = [CompanySso, CompanySsoDomain, SsoLogin, SsoIdentity];
