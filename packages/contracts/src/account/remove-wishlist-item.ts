import { route } from '../common/route.js';
import { ZIdInput, ZOk } from '../common/schemas.js';

export const removeWishlistItemMeta = route({
  method: 'DELETE', path: '/storefront/v1/customer/wishlist/{id}', auth: 'storefront_customer',
  tags: ['Customer'], summary: 'Remove an item from the wishlist', errors: [404],
});
export const ZRemoveWishlistItemInput = ZIdInput;
export const ZRemoveWishlistItemOutput = ZOk;
