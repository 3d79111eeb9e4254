import { initTRPC } from '@trpc/server';
import type { RouteMeta } from '@cartly/contracts';
import { NotFoundError, UniqueConstraintViolationException } from '@cartly/db';
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

const ROLLBACK = Symbol('rollback');

type Authenticate<Extra> = (ctx: Context, meta: RouteMeta | undefined) => Promise<Extra>;

/**
 * Each procedure passes through exactly one middleware (tRPC copies the
 * context at every step, and the storefront routes are hot): it resolves the
 * route's credential, then runs the handler. Mutations run in one transaction
 * on the request's EntityManager, so a handler that fails leaves nothing
 * half-written. Database errors with a meaning for the client are translated
 * here, once: a unique-constraint race is 409, findOneOrFail's miss is 404.
 */
function authenticated<Extra extends object>(authenticate: Authenticate<Extra>) {
  return t.procedure.use(async ({ ctx, meta, type, next }) => {
    const extra = await authenticate(ctx, meta);
    if (type !== 'mutation') {
      const r = await next({ ctx: extra });
      return rethrowTranslated(r);
    }
    let result: Awaited<ReturnType<typeof next<Extra & { em: Context['em'] }>>> | undefined;
    try {
      await ctx.em.transactional(async (em) => {
        result = await next({ ctx: { ...extra, em } });
        if (!result.ok) throw ROLLBACK;
      });
    } catch (e) {
      if (e !== ROLLBACK) throw translated(e);
    }
    return rethrowTranslated(result!);
  });
}

/** A failed result whose cause has a client-facing meaning is rethrown as that. */
function rethrowTranslated<R extends { ok: boolean; error?: { cause?: unknown } }>(r: R): R {
  const cause = r.ok ? undefined : r.error?.cause;
  const mapped = cause === undefined ? cause : translated(cause);
  if (mapped !== cause) throw mapped;
  return r;
}

/** The client-facing meaning of a database error, or the error unchanged. */
function translated(e: unknown): unknown {
  if (e instanceof UniqueConstraintViolationException) return new AppError('CONFLICT', 'conflicts with an existing resource', { cause: e });
  if (e instanceof NotFoundError) return new AppError('NOT_FOUND', 'not found', { cause: e });
  return e;
}

function storefrontToken(ctx: Context) {
  return resolveStorefrontToken(
    ctx.em,
    header(ctx.req, 'x-shopify-storefront-access-token') ?? header(ctx.req, 'x-cartly-storefront-access-token'),
  );
}

/** No credential (the route checks what it needs itself, e.g. a signed token). */
export const publicProcedure = authenticated(async () => ({}));

/** SAT: which shop, which storefront. */
export const storefrontProcedure = authenticated(async (ctx) => {
  const storefront = await storefrontToken(ctx);
  return { storefront, shopId: storefront.shopId };
});

/** SAT + CAT: a customer of the SAT's shop (SPEC §5). */
export const storefrontCustomerProcedure = authenticated(async (ctx) => {
  const storefront = await storefrontToken(ctx);
  const customer = await resolveCustomerToken(ctx.em, bearer(ctx.req), storefront.shopId);
  return { storefront, shopId: storefront.shopId, customer, customerId: customer.customerId };
});

/** SAT, CAT optional: `customerId` is null without a CAT; a CAT that is present but invalid (or of another shop) is 401. */
export const storefrontOptionalCustomerProcedure = authenticated(async (ctx) => {
  const storefront = await storefrontToken(ctx);
  const cat = bearer(ctx.req);
  const customer = cat === undefined && header(ctx.req, 'authorization') === undefined
    ? null
    : await resolveCustomerToken(ctx.em, cat, storefront.shopId);
  return { storefront, shopId: storefront.shopId, customer, customerId: customer?.customerId ?? null };
});

/** CAT only: the portal's first-party `/customer/*` API. */
export const customerProcedure = authenticated(async (ctx) => {
  const customer = await resolveCustomerToken(ctx.em, bearer(ctx.req));
  return { customer, shopId: customer.shopId, customerId: customer.customerId };
});

/** Admin token; the route's `scope` meta is enforced here (403 without it). */
export const adminProcedure = authenticated(async (ctx, meta) => {
  const admin = await resolveAdminToken(ctx.em, bearer(ctx.req));
  requireScope(admin, meta?.scope);
  return { admin, shopId: admin.shopId };
});

/** App OAuth token: an installed app acting on its shop. */
export const appProcedure = authenticated(async (ctx) => {
  const app = await resolveAppToken(ctx.em, bearer(ctx.req));
  return { app, shopId: app.shopId };
});
