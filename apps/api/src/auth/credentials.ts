import type { AdminScope } from '@cartly/contracts';
import { AdminToken, App, CustomerAccessToken, StorefrontAccessToken, type EntityManager } from '@cartly/db';
import { AppError } from '../errors.js';
import { hashToken, isTokenOf, newToken } from './tokens.js';

/*
 * Resolving credentials to principals. Every miss is the same 401 so a caller
 * learns nothing about which part was wrong; a present-but-insufficient
 * credential is 403 (SPEC §2).
 */

export interface StorefrontPrincipal {
  shopId: string;
  storefrontTokenId: string;
}
export interface CustomerPrincipal {
  shopId: string;
  customerId: string;
  customerTokenId: string;
}
export interface AdminPrincipal {
  shopId: string;
  adminTokenId: string;
  scopes: readonly string[];
}
export interface AppPrincipal {
  shopId: string;
  appId: string;
  appClientId: string;
}

const unauthenticated = (what: string) => new AppError('UNAUTHENTICATED', `missing or invalid ${what}`);

export async function resolveStorefrontToken(em: EntityManager, token: string | undefined): Promise<StorefrontPrincipal> {
  if (!token || !isTokenOf('sat', token)) throw unauthenticated('storefront access token');
  const row = await em.findOne(StorefrontAccessToken, { tokenHash: hashToken(token), revokedAt: null }, { fields: ['id', 'shop'] });
  if (!row) throw unauthenticated('storefront access token');
  return { shopId: row.shop, storefrontTokenId: row.id };
}

/** A CAT is valid only unexpired, unrevoked, and (when a SAT is given) for the SAT's shop. */
export async function resolveCustomerToken(
  em: EntityManager,
  token: string | undefined,
  expectedShopId?: string,
): Promise<CustomerPrincipal> {
  if (!token || !isTokenOf('cat', token)) throw unauthenticated('customer access token');
  const row = await em.findOne(
    CustomerAccessToken,
    { tokenHash: hashToken(token), revokedAt: null, expiresAt: { $gt: new Date() } },
    { fields: ['id', 'shop', 'customer'] },
  );
  if (!row || (expectedShopId !== undefined && row.shop !== expectedShopId)) throw unauthenticated('customer access token');
  return { shopId: row.shop, customerId: row.customer, customerTokenId: row.id };
}

export async function resolveAdminToken(em: EntityManager, token: string | undefined): Promise<AdminPrincipal> {
  if (!token || !isTokenOf('adm', token)) throw unauthenticated('admin token');
  const row = await em.findOne(AdminToken, { tokenHash: hashToken(token), revokedAt: null }, { fields: ['id', 'shop', 'scopes', 'expiresAt'] });
  if (!row || (row.expiresAt && row.expiresAt <= new Date())) throw unauthenticated('admin token');
  return { shopId: row.shop, adminTokenId: row.id, scopes: row.scopes };
}

export function requireScope(principal: AdminPrincipal, scope: AdminScope | undefined): void {
  if (scope && !principal.scopes.includes(scope)) {
    throw new AppError('FORBIDDEN', `this admin token lacks the ${scope} scope`);
  }
}

export async function resolveAppToken(em: EntityManager, token: string | undefined): Promise<AppPrincipal> {
  if (!token || !isTokenOf('app', token)) throw unauthenticated('app token');
  const row = await em.findOne(App, { tokenHash: hashToken(token), uninstalledAt: null }, { fields: ['id', 'shop', 'clientId'] });
  if (!row) throw unauthenticated('app token');
  return { shopId: row.shop, appId: row.id, appClientId: row.clientId };
}

/** Issues a CAT; the caller persists within its transaction. Returns the token once. */
export function issueCustomerToken(em: EntityManager, opts: { shopId: string; customerId: string; ttlHours: number }) {
  const { token, hash } = newToken('cat');
  const expiresAt = new Date(Date.now() + opts.ttlHours * 3600_000);
  const row = em.create(CustomerAccessToken, { shop: opts.shopId, customer: opts.customerId, tokenHash: hash, expiresAt });
  return { token, expiresAt, row };
}
