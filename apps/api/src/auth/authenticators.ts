import type { RouteAuth, RouteMeta } from '@cartly/contracts';
import type { Context } from '../context.js';
import { bearer, header } from '../http/headers.js';
import {
  requireScope,
  resolveAdminToken,
  resolveAppToken,
  resolveCustomerToken,
  resolveStorefrontToken,
} from './credentials.js';

/*
 * One authenticator per credential kind, keyed like the contracts' AUTH_KINDS
 * (which documents them): what a procedure enforces is picked by its
 * contract's `auth` and nothing else. Each returns the principal the handler
 * receives in its context, so handlers never null-check a credential.
 */

function storefrontToken(ctx: Context) {
  return resolveStorefrontToken(
    ctx.em,
    header(ctx.req, 'x-shopify-storefront-access-token') ?? header(ctx.req, 'x-cartly-storefront-access-token'),
  );
}

export const authenticators = {
  public: async (_ctx: Context, _meta: RouteMeta) => ({}),

  storefront: async (ctx: Context, _meta: RouteMeta) => {
    const storefront = await storefrontToken(ctx);
    return { storefront, shopId: storefront.shopId };
  },

  storefront_customer: async (ctx: Context, _meta: RouteMeta) => {
    const storefront = await storefrontToken(ctx);
    const customer = await resolveCustomerToken(ctx.em, bearer(ctx.req), storefront.shopId);
    return { storefront, shopId: storefront.shopId, customer, customerId: customer.customerId };
  },

  storefront_optional_customer: async (ctx: Context, _meta: RouteMeta) => {
    const storefront = await storefrontToken(ctx);
    const cat = bearer(ctx.req);
    const customer = cat === undefined ? null : await resolveCustomerToken(ctx.em, cat, storefront.shopId);
    return { storefront, shopId: storefront.shopId, customer, customerId: customer?.customerId ?? null };
  },

  customer: async (ctx: Context, _meta: RouteMeta) => {
    const customer = await resolveCustomerToken(ctx.em, bearer(ctx.req));
    return { customer, shopId: customer.shopId, customerId: customer.customerId };
  },

  optional_customer: async (ctx: Context, _meta: RouteMeta) => {
    const cat = bearer(ctx.req);
    const customer = cat === undefined ? null : await resolveCustomerToken(ctx.em, cat);
    return { customer, shopId: customer?.shopId ?? null, customerId: customer?.customerId ?? null };
  },

  admin: async (ctx: Context, meta: RouteMeta) => {
    const admin = await resolveAdminToken(ctx.em, bearer(ctx.req));
    requireScope(admin, meta.scope);
    return { admin, shopId: admin.shopId };
  },

  app: async (ctx: Context, _meta: RouteMeta) => {
    const app = await resolveAppToken(ctx.em, bearer(ctx.req));
    return { app, shopId: app.shopId };
  },
} satisfies { [A in RouteAuth]: (ctx: Context, meta: RouteMeta) => Promise<object> };

/** What a procedure of that credential kind finds in its context. */
export type Principal<A extends RouteAuth> = Awaited<ReturnType<(typeof authenticators)[A]>>;
