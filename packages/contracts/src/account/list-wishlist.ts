import { route } from '../common/route.js';
import { ZPageInput, pageOf } from '../common/pagination.js';
import { ZWishlistItem } from './schemas.js';

export const listWishlistMeta = route({
  method: 'GET', path: '/storefront/v1/customer/wishlist', auth: 'storefront_customer',
  tags: ['Customer'], summary: 'List the customer\'s wishlist',
});
export const ZListWishlistInput = ZPageInput;
export const ZListWishlistOutput = pageOf(ZWishlistItem);
