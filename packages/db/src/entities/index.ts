export * from './shop.js';
export * from './credentials.js';
export * from './customer.js';
export * from './catalog.js';
export * from './order.js';
export * from './wishlist.js';

import { Shop } from './shop.js';
import { AdminToken, App, CustomerAccessToken, StorefrontAccessToken } from './credentials.js';
import { Customer, CustomerAddress } from './customer.js';
import { Product, ProductVariant } from './catalog.js';
import { Fulfillment, FulfillmentLine, Order, OrderLine } from './order.js';
import { WishlistItem } from './wishlist.js';

/** Every entity the ORM knows; a domain adds its entities here. */
export const entities = [
  Shop, StorefrontAccessToken, AdminToken, App, CustomerAccessToken,
  Customer, CustomerAddress, Product, ProductVariant,
  Order, OrderLine, Fulfillment, FulfillmentLine, WishlistItem,
];
