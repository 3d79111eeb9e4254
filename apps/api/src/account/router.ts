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
import { logout } from '../passwordless/logout.js';

export const customerRouter = router({
  getProfile,
  updateProfile,
  listAddresses,
  createAddress,
  updateAddress,
  deleteAddress,
  listWishlist,
  addWishlistItem,
  removeWishlistItem,
  listOrders,
  getOrder,
  logout,
});
