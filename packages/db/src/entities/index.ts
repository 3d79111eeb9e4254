export * from '../shops/shop.js';
export * from '../shops/credentials.js';
export * from '../customers/customer.js';
export * from '../account/address.js';
export * from '../catalog/products.js';
export * from '../orders/orders.js';
export * from '../account/wishlist.js';
export * from '../returns/returns.js';
export * from '../returns/refund.js';
export * from '../passwordless/passwordless.js';
export * from '../lib/rate-limit-window.js';
export * from '../portal-core/index.js';
export * from '../companies/index.js';
export * from '../extensions/index.js';
export * from '../sso/index.js';

import { Shop } from '../shops/shop.js';
import { AdminToken, App, CustomerAccessToken, StorefrontAccessToken } from '../shops/credentials.js';
import { Customer } from '../customers/customer.js';
import { CustomerAddress } from '../account/address.js';
import { Product, ProductVariant } from '../catalog/products.js';
import { Fulfillment, FulfillmentLine, Order, OrderLine } from '../orders/orders.js';
import { WishlistItem } from '../account/wishlist.js';
import { ReturnRequest, ReturnRequestEvent, ReturnRequestLine } from '../returns/returns.js';
import { Refund } from '../returns/refund.js';
import { MagicLinkLatest, MagicLinkUse, OtpCode } from '../passwordless/passwordless.js';
import { RateLimitWindow } from '../lib/rate-limit-window.js';
import { InventoryLevel, OrderRefund, PortalActivity, PortalCustomCss, PortalSettingsVersion } from '../portal-core/core-index.js';
export * from '../portal-core/core-index.js';
import {
  AccountApiAuthorization, AccountApiProvider, AccountApiToken,
  LoyaltyAccount, LoyaltyEarnRule, LoyaltyLedgerEntry, LoyaltyProgram, LoyaltyRedemption, LoyaltyReward,
} from '../portal-core/index.js';
import { companyEntities } from '../companies/entities.js';
import { ssoEntities } from '../sso/entities.js';
import type { Options } from '@mikro-orm/postgresql';
import { ExtensionBlock, ExtensionBlockVersion, ExtensionRenderError } from '../extensions/index.js';

/**
 * Every entity the ORM knows; a domain adds its entities here. Typed as the
 * ORM's option (the inferred tuple grew past what tsc will serialize).
 */
export const entities: NonNullable<Options['entities']> = [
  Shop, StorefrontAccessToken, AdminToken, App, CustomerAccessToken,
  Customer, CustomerAddress, Product, ProductVariant,
  Order, OrderLine, Fulfillment, FulfillmentLine, WishlistItem,
  ReturnRequest, ReturnRequestLine, ReturnRequestEvent, Refund,
  OtpCode, MagicLinkUse, MagicLinkLatest, RateLimitWindow,
  PortalSettingsVersion, PortalCustomCss, InventoryLevel, OrderRefund, PortalActivity,
  LoyaltyProgram, LoyaltyEarnRule, LoyaltyReward, LoyaltyAccount, LoyaltyLedgerEntry, LoyaltyRedemption,
  AccountApiProvider, AccountApiAuthorization, AccountApiToken,
  ...companyEntities,
  ...ssoEntities,
  ExtensionBlock, ExtensionBlockVersion, ExtensionRenderError,
];
