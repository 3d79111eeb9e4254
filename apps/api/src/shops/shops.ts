import { ADMIN_SCOPES, type CountryCode } from '@cartly/contracts';
import { AdminToken, App, Shop, StorefrontAccessToken, type EntityManager, type IShop } from '@cartly/db';
import { newPublicId, newToken } from '../auth/tokens.js';

export interface ProvisionedShop {
  shop: IShop;
  /** Shown once; only hashes are stored. */
  adminToken: string;
  storefrontAccessToken: string;
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'shop';
}

/** Days from now, or null (no expiry) when no lifetime is given. */
const expiryAfter = (days: number | undefined) => (days === undefined ? null : new Date(Date.now() + days * 86_400_000));

/**
 * A new shop with a full-scope admin token and a storefront token (which
 * expires after `satTtlDays` when given). `country` (ISO 3166-1 alpha-2) is
 * where it trades from: its SMS go only there unless its settings say otherwise.
 */
export async function provisionShop(
  em: EntityManager,
  opts: { name: string; email?: string; domain?: string; country?: CountryCode; satTtlDays?: number },
): Promise<ProvisionedShop> {
  const shop = em.create(Shop, {
    name: opts.name,
    domain: opts.domain ?? `${slug(opts.name)}-${newPublicId('s').slice(2, 10)}.cartly.test`,
    email: opts.email ?? null,
    currency: 'USD',
    country: opts.country ?? null,
  });
  return { shop, ...(await issueOwnerCredentials(em, shop.id, opts.satTtlDays)) };
}

/** An admin token that leaks keeps working until it expires: owners rotate it (`cartly admin-token:rotate`). */
export const ADMIN_TOKEN_TTL_DAYS = 90;

/**
 * Issues a new full-scope owner admin token, expiring after `ttlDays`, and
 * revokes the earlier one.
 */
export async function rotateAdminToken(em: EntityManager, shopId: string, ttlDays = ADMIN_TOKEN_TTL_DAYS) {
  const now = new Date();
  await em.nativeUpdate(AdminToken, { shop: shopId, title: 'Owner', revokedAt: null }, { revokedAt: now });
  const admin = newToken('adm');
  const expiresAt = new Date(now.getTime() + ttlDays * 86_400_000);
  em.create(AdminToken, { shop: shopId, title: 'Owner', tokenHash: admin.hash, scopes: [...ADMIN_SCOPES], expiresAt });
  await em.flush();
  return { adminToken: admin.token, expiresAt };
}

/**
 * Issues a full-scope admin token and a storefront token, revoking earlier
 * ones of the same titles (the demo re-issues them on every `npm start`).
 */
export async function issueOwnerCredentials(em: EntityManager, shopId: string, satTtlDays?: number) {
  await em.nativeUpdate(StorefrontAccessToken, { shop: shopId, title: 'Default storefront', revokedAt: null }, { revokedAt: new Date() });
  const storefront = newToken('sat');
  em.create(StorefrontAccessToken, { shop: shopId, title: 'Default storefront', tokenHash: storefront.hash, expiresAt: expiryAfter(satTtlDays) });
  const { adminToken } = await rotateAdminToken(em, shopId);
  return { adminToken, storefrontAccessToken: storefront.token };
}

/** Installs a third-party app on a shop; the app's OAuth token is shown once (and expires after `ttlDays` when given). */
export async function installApp(em: EntityManager, opts: { shopId: string; name: string; iframeHosts: string[]; ttlDays?: number }) {
  const shop = await em.findOne(Shop, { id: opts.shopId });
  if (!shop) throw new Error(`no shop with id ${opts.shopId}`);
  const { token, hash } = newToken('app');
  const app = em.create(App, {
    shop: shop.id,
    name: opts.name,
    clientId: newPublicId('app'),
    tokenHash: hash,
    iframeHosts: opts.iframeHosts.map((h) => h.toLowerCase()),
    tokenExpiresAt: expiryAfter(opts.ttlDays),
  });
  await em.flush();
  return { app, appToken: token };
}
