import { router } from '../trpc.js';
import { getProfile } from './get-profile.js';
import { updateProfile } from './update-profile.js';
import { listAddresses } from './list-addresses.js';
import { createAddress } from './create-address.js';
import { updateAddress } from './update-address.js';
import { deleteAddress } from './delete-address.js';
import { listWishlist } from './list-wishlist.js';
import { addWishlistItem } from './add-wishlist-item.js';
import { removeWishlistItem } from './remove-wishlist-item.js';
import { listOrders } from './list-orders.js';
import { getOrder } from './get-order.js';

/** The logged-in customer's own account, from a storefront (SAT + CAT). */
export const accountRouter = router({
  profile: router({ get: getProfile, update: updateProfile }),
  addresses: router({ list: listAddresses, create: createAddress, update: updateAddress, delete: deleteAddress }),
  wishlist: router({ list: listWishlist, add: addWishlistItem, remove: removeWishlistItem }),
  orders: router({ list: listOrders, get: getOrder }),
});
