import { Shop, type EntityManager, type IShop } from '@cartly/db';
import { AppError } from '../errors.js';

/**
 * The shop of the request's credential, settings included. Looked up by
 * primary key, so the request's EntityManager (one per request) answers every
 * later call from its identity map: each domain may ask, the row is read once.
 */
export async function currentShop(em: EntityManager, shopId: string): Promise<IShop> {
  const shop = await em.findOne(Shop, shopId);
  // A credential whose shop is gone is as good as no credential.
  if (!shop) throw new AppError('UNAUTHENTICATED', 'missing or invalid credential');
  return shop;
}
