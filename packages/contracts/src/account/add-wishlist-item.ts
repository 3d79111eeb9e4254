import { z } from 'zod';
import { route } from '../common/route.js';
import { ZId } from '../common/schemas.js';
import { ZWishlistItem } from './schemas.js';

export const addWishlistItemMeta = route({
  method: 'POST', path: '/storefront/v1/customer/wishlist', auth: 'storefront_customer',
  tags: ['Customer'], summary: 'Save a product variant to the wishlist',
  description: 'Adding a variant that is already saved answers 409.',
  errors: [404, 409],
});
export const ZAddWishlistItemInput = z.strictObject({ variant_id: ZId.describe('Product variant to save.') });
export const ZAddWishlistItemOutput = ZWishlistItem;
