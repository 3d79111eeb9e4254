import type { AdminScope } from '@cartly/contracts';
import { CustomerAccessToken, type EntityManager, readRows, type Reader } from '@cartly/db';
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
  /** When the CAT expires: nothing derived from it (an AST) may outlive it. */
  expiresAt: Date;
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

/*
 * SATs and CATs are looked up on every storefront request, admin and app
 * tokens on every admin or app request: one indexed row by hash, read with
 * plain SQL (readRows: bound values, no ORM machinery, inside the request's
 * transaction if any). em.findOne would build the query through
 * the QueryBuilder and hydrate a managed entity nobody uses, several times the
 * cost of the query itself (`npm run bench`). Nothing is cached: a revoked or
 * expired token fails on the next request, on every replica.
 */

export async function resolveStorefrontToken(em: EntityManager | Reader, token: string | undefined): Promise<StorefrontPrincipal> {
  if (!token || !isTokenOf('sat', token)) throw unauthenticated('storefront access token');
  const [row] = await readRows<{ id: string; shop_id: string }>(
    em,
    'select "id", "shop_id" from "storefront_access_token" where "token_hash" = ? and "revoked_at" is null and ("expires_at" is null or "expires_at" > ?) limit 1',
    [hashToken(token), new Date()],
  );
  if (!row) throw unauthenticated('storefront access token');
  return { shopId: row.shop_id, storefrontTokenId: row.id };
}

/** A CAT is valid only unexpired, unrevoked, and (when a SAT is given) for the SAT's shop. */
export async function resolveCustomerToken(
  em: EntityManager | Reader,
  token: string | undefined,
  expectedShopId?: string,
): Promise<CustomerPrincipal> {
  if (!token || !isTokenOf('cat', token)) throw unauthenticated('customer access token');
  const [row] = await readRows<{ id: string; shop_id: string; customer_id: string; expires_at: Date | string }>(
    em,
    'select "id", "shop_id", "customer_id", "expires_at" from "customer_access_token" where "token_hash" = ? and "revoked_at" is null and "expires_at" > ? limit 1',
    [hashToken(token), new Date()],
  );
  if (!row || (expectedShopId !== undefined && row.shop_id !== expectedShopId)) throw unauthenticated('customer access token');
  return { shopId: row.shop_id, customerId: row.customer_id, customerTokenId: row.id, expiresAt: new Date(row.expires_at) };
}

/**
 * SAT and CAT of one request in one round trip: the CAT joins only when it is
 * live and of the SAT's shop, so a CAT of another shop is the same 401 as an
 * unknown one. A bad SAT is reported before anything about the CAT.
 */
export async function resolveStorefrontCustomer(
  em: EntityManager | Reader,
  sat: string | undefined,
  cat: string | undefined,
): Promise<{ storefront: StorefrontPrincipal; customer: CustomerPrincipal }> {
  if (!sat || !isTokenOf('sat', sat)) throw unauthenticated('storefront access token');
  if (!cat || !isTokenOf('cat', cat)) {
    await resolveStorefrontToken(em, sat);
    throw unauthenticated('customer access token');
  }
  const now = new Date();
  const [row] = await readRows<{ sat_id: string; shop_id: string; cat_id: string | null; customer_id: string | null; expires_at: Date | string | null }>(
    em,
    `select s."id" as "sat_id", s."shop_id", c."id" as "cat_id", c."customer_id", c."expires_at"
       from "storefront_access_token" s
       left join "customer_access_token" c
         on c."token_hash" = ? and c."shop_id" = s."shop_id" and c."revoked_at" is null and c."expires_at" > ?
      where s."token_hash" = ? and s."revoked_at" is null and (s."expires_at" is null or s."expires_at" > ?) limit 1`,
    [hashToken(cat), now, hashToken(sat), now],
  );
  if (!row) throw unauthenticated('storefront access token');
  if (row.cat_id === null || row.customer_id === null || row.expires_at === null) throw unauthenticated('customer access token');
  return {
    storefront: { shopId: row.shop_id, storefrontTokenId: row.sat_id },
    customer: { shopId: row.shop_id, customerId: row.customer_id, customerTokenId: row.cat_id, expiresAt: new Date(row.expires_at) },
  };
}

/** Whether the CAT with this id is still unexpired and unrevoked, for that customer of that shop. */
export async function isCustomerTokenLive(em: EntityManager, cat: { id: string; shopId: string; customerId: string }): Promise<boolean> {
  const rows = await readRows<{ id: string }>(
    em,
    'select "id" from "customer_access_token" where "id" = ? and "shop_id" = ? and "customer_id" = ? and "revoked_at" is null and "expires_at" > ? limit 1',
    [cat.id, cat.shopId, cat.customerId, new Date()],
  );
  return rows.length > 0;
}

export async function resolveAdminToken(em: EntityManager | Reader, token: string | undefined): Promise<AdminPrincipal> {
  if (!token || !isTokenOf('adm', token)) throw unauthenticated('admin token');
  const [row] = await readRows<{ id: string; shop_id: string; scopes: string[] }>(
    em,
    'select "id", "shop_id", "scopes" from "admin_token" where "token_hash" = ? and "revoked_at" is null and ("expires_at" is null or "expires_at" > ?) limit 1',
    [hashToken(token), new Date()],
  );
  if (!row) throw unauthenticated('admin token');
  return { shopId: row.shop_id, adminTokenId: row.id, scopes: row.scopes };
}

export function requireScope(principal: AdminPrincipal, scope: AdminScope | undefined): void {
  if (scope && !principal.scopes.includes(scope)) {
    throw new AppError('FORBIDDEN', `this admin token lacks the ${scope} scope`);
  }
}

export async function resolveAppToken(em: EntityManager | Reader, token: string | undefined): Promise<AppPrincipal> {
  if (!token || !isTokenOf('app', token)) throw unauthenticated('app token');
  const [row] = await readRows<{ id: string; shop_id: string; client_id: string }>(
    em,
    'select "id", "shop_id", "client_id" from "app" where "token_hash" = ? and "uninstalled_at" is null and ("token_expires_at" is null or "token_expires_at" > ?) limit 1',
    [hashToken(token), new Date()],
  );
  if (!row) throw unauthenticated('app token');
  return { shopId: row.shop_id, appId: row.id, appClientId: row.client_id };
}

/** Issues a CAT; the caller persists within its transaction. Returns the token once. */
export function issueCustomerToken(em: EntityManager, opts: { shopId: string; customerId: string; ttlHours: number }) {
  const { token, hash } = newToken('cat');
  const expiresAt = new Date(Date.now() + opts.ttlHours * 3600_000);
  const row = em.create(CustomerAccessToken, { shop: opts.shopId, customer: opts.customerId, tokenHash: hash, expiresAt });
  return { token, expiresAt, row };
}
