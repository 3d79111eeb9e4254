import { initTRPC } from '@trpc/server';
import type { RouteMeta } from '@cartly/contracts';
import { UniqueConstraintViolationException } from '@cartly/db';
import type { Context } from './context.js';
import { bearer, header } from './context.js';
import { AppError, toErrorBody } from './errors.js';
import { isDevelopment } from './env.js';
import {
  requireScope,
  resolveAdminToken,
  resolveAppToken,
  resolveCustomerToken,
  resolveStorefrontToken,
} from './auth/credentials.js';

const t = initTRPC
  .context<Context>()
  .meta<RouteMeta>()
  .create({
    // Stacks only ever leave the process in development.
    isDev: isDevelopment(),
    errorFormatter({ shape, error }) {
      const body = toErrorBody(error);
      const { stack: _stack, ...data } = shape.data;
      return { ...shape, message: body.error.message, data: { ...data, ...(shape.data.stack && isDevelopment() ? { stack: shape.data.stack } : {}) }, error: body.error };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

const ROLLBACK = Symbol('rollback');

/**
 * Mutations run in one transaction on the request's EntityManager: a handler
 * that fails leaves nothing half-written. A unique-constraint race surfaces as
 * 409 rather than 500.
 */
const transactional = t.middleware(async ({ ctx, type, next }) => {
  if (type !== 'mutation') return next();
  let result: Awaited<ReturnType<typeof next>> | undefined;
  try {
    await ctx.em.transactional(async (em) => {
      result = await next({ ctx: { em } });
      if (!result.ok) throw ROLLBACK;
    });
  } catch (e) {
    if (e !== ROLLBACK) {
      if (e instanceof UniqueConstraintViolationException) {
        throw new AppError('CONFLICT', 'conflicts with an existing resource', { cause: e });
      }
      throw e;
    }
  }
  const r = result!;
  if (!r.ok && r.error.cause instanceof UniqueConstraintViolationException) {
    throw new AppError('CONFLICT', 'conflicts with an existing resource', { cause: r.error.cause });
  }
  return r;
});

export const publicProcedure = t.procedure.use(transactional);

/** SAT: which shop, which storefront. */
export const storefrontProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const token = header(ctx.req, 'x-shopify-storefront-access-token') ?? header(ctx.req, 'x-cartly-storefront-access-token');
  const storefront = await resolveStorefrontToken(ctx.em, token);
  return next({ ctx: { storefront, shopId: storefront.shopId } });
});

/** SAT + CAT: a customer of the SAT's shop (SPEC §5). */
export const storefrontCustomerProcedure = storefrontProcedure.use(async ({ ctx, next }) => {
  const customer = await resolveCustomerToken(ctx.em, bearer(ctx.req), ctx.shopId);
  return next({ ctx: { customer, customerId: customer.customerId } });
});

/** CAT only: the portal's first-party `/customer/*` API. */
export const customerProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const customer = await resolveCustomerToken(ctx.em, bearer(ctx.req));
  return next({ ctx: { customer, shopId: customer.shopId, customerId: customer.customerId } });
});

/** Admin token; the route's `scope` meta is enforced here (403 without it). */
export const adminProcedure = publicProcedure.use(async ({ ctx, meta, next }) => {
  const admin = await resolveAdminToken(ctx.em, bearer(ctx.req));
  requireScope(admin, meta?.scope);
  return next({ ctx: { admin, shopId: admin.shopId } });
});

/** App OAuth token: an installed app acting on its shop. */
export const appProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const app = await resolveAppToken(ctx.em, bearer(ctx.req));
  return next({ ctx: { app, shopId: app.shopId } });
});
