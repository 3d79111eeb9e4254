import type { RouteAuth, RouteMeta } from '@cartly/contracts';
import type { Context } from '../context.js';
import { AppError } from '../errors.js';
import { bearer, header } from '../http/headers.js';
import {
  requireScope,
  resolveAdminToken,
  resolveAppToken,
  resolveCustomerToken,
  resolveStorefrontCustomer,
  resolveStorefrontToken,
} from './credentials.js';
import { requireB2BRole } from '../companies/require-b2b-role.js';

/*
 * One authenticator per credential kind, keyed like the contracts' AUTH_KINDS
 * (which documents them): what a procedure enforces is picked by its
 * contract's `auth` and nothing else. Each returns the principal the handler
 * receives in its context, so handlers never null-check a credential.
 */

const sentStorefrontToken = (ctx: Context) =>
  header(ctx.req, 'x-shopify-storefront-access-token') ?? header(ctx.req, 'x-cartly-storefront-access-token');

function storefrontToken(ctx: Context) {
  return resolveStorefrontToken(ctx.db, sentStorefrontToken(ctx));
}

export const authenticators = {
  public: async (_ctx: Context, _meta: RouteMeta) => ({}),

  optional_storefront: async (ctx: Context, _meta: RouteMeta) => {
    const storefront = sentStorefrontToken(ctx) === undefined ? null : await storefrontToken(ctx);
    return { storefront, shopId: storefront?.shopId ?? null };
  },

  storefront: async (ctx: Context, _meta: RouteMeta) => {
    const storefront = await storefrontToken(ctx);
    return { storefront, shopId: storefront.shopId };
  },

  // SAT and CAT in one query: the storefront's hottest routes.
  storefront_customer: async (ctx: Context, _meta: RouteMeta) => {
    const { storefront, customer } = await resolveStorefrontCustomer(ctx.db, sentStorefrontToken(ctx), bearer(ctx.req));
    return { storefront, shopId: storefront.shopId, customer, customerId: customer.customerId };
  },

  storefront_optional_customer: async (ctx: Context, _meta: RouteMeta) => {
    const cat = bearer(ctx.req);
    if (cat === undefined) {
      const storefront = await storefrontToken(ctx);
      return { storefront, shopId: storefront.shopId, customer: null, customerId: null };
    }
    const { storefront, customer } = await resolveStorefrontCustomer(ctx.db, sentStorefrontToken(ctx), cat);
    return { storefront, shopId: storefront.shopId, customer, customerId: customer.customerId };
  },

  customer: async (ctx: Context, _meta: RouteMeta) => {
    const customer = await resolveCustomerToken(ctx.db, bearer(ctx.req));
    return { customer, shopId: customer.shopId, customerId: customer.customerId };
  },

  optional_customer: async (ctx: Context, _meta: RouteMeta) => {
    const cat = bearer(ctx.req);
    const customer = cat === undefined ? null : await resolveCustomerToken(ctx.db, cat);
    return { customer, shopId: customer?.shopId ?? null, customerId: customer?.customerId ?? null };
  },

  // The membership is read on every request (never from the token), so a role change applies at once.
  company_member: async (ctx: Context, meta: RouteMeta) => {
    const customer = await resolveCustomerToken(ctx.db, bearer(ctx.req));
    // Fail closed: a company route that names no action is a bug, not an open door.
    if (!meta.b2b) throw new AppError('INTERNAL', 'internal server error', { cause: new Error(`company_member route ${meta.openapi?.path} without a b2b action`) });
    const membership = await requireB2BRole(ctx.em, customer, meta.b2b);
    return { customer, shopId: customer.shopId, customerId: customer.customerId, membership };
  },

  admin: async (ctx: Context, meta: RouteMeta) => {
    const admin = await resolveAdminToken(ctx.db, bearer(ctx.req));
    requireScope(admin, meta.scope);
    return { admin, shopId: admin.shopId };
  },

  app: async (ctx: Context, _meta: RouteMeta) => {
    const app = await resolveAppToken(ctx.db, bearer(ctx.req));
    return { app, shopId: app.shopId };
  },
} satisfies { [A in RouteAuth]: (ctx: Context, meta: RouteMeta) => Promise<object> };

/** What a procedure of that credential kind finds in its context. */
export type Principal<A extends RouteAuth> = Awaited<ReturnType<(typeof authenticators)[A]>>;
