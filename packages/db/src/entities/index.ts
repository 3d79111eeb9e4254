export * from './shop.js';
export * from './credentials.js';
export * from './customer.js';
export * from './catalog.js';
export * from './order.js';
export * from './wishlist.js';
export * from './returns.js';
export * from './refund.js';
export * from './passwordless.js';
export * from '../extensions/index.js';

import { Shop } from './shop.js';
import { AdminToken, App, CustomerAccessToken, StorefrontAccessToken } from './credentials.js';
import { Customer, CustomerAddress } from './customer.js';
import { Product, ProductVariant } from './catalog.js';
import { Fulfillment, FulfillmentLine, Order, OrderLine } from './order.js';
import { WishlistItem } from './wishlist.js';
import { ReturnRequest, ReturnRequestEvent, ReturnRequestLine } from './returns.js';
import { Refund } from './refund.js';
import { MagicLinkUse, OtpCode, PasswordlessThrottle } from './passwordless.js';
import { ExtensionBlock, ExtensionBlockVersion, ExtensionRenderError } from '../extensions/index.js';

/** Every entity the ORM knows; a domain adds its entities here. */
export const entities = [
  Shop, StorefrontAccessToken, AdminToken, App, CustomerAccessToken,
  Customer, CustomerAddress, Product, ProductVariant,
  Order, OrderLine, Fulfillment, FulfillmentLine, WishlistItem,
  ReturnRequest, ReturnRequestLine, ReturnRequestEvent, Refund,
  OtpCode, PasswordlessThrottle, MagicLinkUse,
  ExtensionBlock, ExtensionBlockVersion, ExtensionRenderError,
];
