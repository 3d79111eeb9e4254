import { ADMIN_SCOPES } from '@cartly/contracts';
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

/** A new shop with a full-scope admin token and a storefront token. */
export async function provisionShop(em: EntityManager, opts: { name: string; email?: string; domain?: string }): Promise<ProvisionedShop> {
  const shop = em.create(Shop, {
    name: opts.name,
    domain: opts.domain ?? `${slug(opts.name)}-${newPublicId('s').slice(2, 10)}.cartly.test`,
    email: opts.email ?? null,
    currency: 'USD',
  });
  return { shop, ...(await issueOwnerCredentials(em, shop.id)) };
}

/**
 * Issues a full-scope admin token and a storefront token, revoking earlier
 * ones of the same titles (the demo re-issues them on every `npm start`).
 */
export async function issueOwnerCredentials(em: EntityManager, shopId: string) {
  const now = new Date();
  await em.nativeUpdate(AdminToken, { shop: shopId, title: 'Owner', revokedAt: null }, { revokedAt: now });
  await em.nativeUpdate(StorefrontAccessToken, { shop: shopId, title: 'Default storefront', revokedAt: null }, { revokedAt: now });
  const admin = newToken('adm');
  const storefront = newToken('sat');
  em.create(AdminToken, { shop: shopId, title: 'Owner', tokenHash: admin.hash, scopes: [...ADMIN_SCOPES] });
  em.create(StorefrontAccessToken, { shop: shopId, title: 'Default storefront', tokenHash: storefront.hash });
  await em.flush();
  return { adminToken: admin.token, storefrontAccessToken: storefront.token };
}

/** Installs a third-party app on a shop; the app's OAuth token is shown once. */
export async function installApp(em: EntityManager, opts: { shopId: string; name: string; iframeHosts: string[] }) {
  const shop = await em.findOne(Shop, { id: opts.shopId });
  if (!shop) throw new Error(`no shop with id ${opts.shopId}`);
  const { token, hash } = newToken('app');
  const app = em.create(App, {
    shop: shop.id,
    name: opts.name,
    clientId: newPublicId('app'),
    tokenHash: hash,
    iframeHosts: opts.iframeHosts.map((h) => h.toLowerCase()),
  });
  await em.flush();
  return { app, appToken: token };
}
