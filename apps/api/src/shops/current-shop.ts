import { readRows, Shop, type EntityManager, type IShop, type Reader, type ShopSettings } from '@cartly/db';
import { AppError } from '../errors.js';

/**
 * The shop of the request's credential, settings included. Looked up by
 * primary key, so the request's EntityManager (one per request) answers every
 * later call from its identity map: each domain may ask, the row is read once.
 */
export async function currentShop(em: EntityManager, shopId: string): Promise<IShop> {
  return shopOrUnauthenticated(await em.findOne(Shop, shopId));
}

/** Only the shop's settings, in one plain statement, for a hot path that needs nothing else of it (a return request). */
export async function currentShopSettings(db: Reader | EntityManager, shopId: string): Promise<ShopSettings> {
  const [shop] = await readRows<{ settings: ShopSettings }>(db, 'select "settings" from "shop" where "id" = ?', [shopId]);
  return shopOrUnauthenticated(shop).settings;
}

function shopOrUnauthenticated<T>(shop: T | null | undefined): T {
  // A credential whose shop is gone is as good as no credential.
  if (!shop) throw new AppError('UNAUTHENTICATED', 'missing or invalid credential');
  return shop;
}
