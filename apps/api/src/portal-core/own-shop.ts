import { AppError } from '../errors.js';

/** The storefront paths name their shop by id; any id but the token's own is indistinguishable from none. */
export function requireOwnShop(tokenShopId: string, requestedShopId: string): void {
  if (tokenShopId !== requestedShopId) throw new AppError('NOT_FOUND', 'shop not found');
}
