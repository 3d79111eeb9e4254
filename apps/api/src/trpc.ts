import { initTRPC } from '@trpc/server';
import type { RouteMeta } from '@cartly/contracts';
import { NotFoundError, UniqueConstraintViolationException, emReader } from '@cartly/db';
import type { RouteAuth } from '@cartly/contracts';
import { isSharedContext, type Context } from './context.js';
import { AppError, toErrorBody } from './errors.js';
import { isDevelopment } from './env.js';
import { authenticators, type Principal } from './auth/authenticators.js';

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

/**
 * Each procedure passes through exactly one middleware (tRPC copies the
 * context at every next({ ctx }), and the storefront routes are hot): it
 * resolves the route's credential, then runs the handler. A query alone on its
 * context (not in a tRPC batch, whose calls share one) gets the principal
 * added in place, with no copy, so its EntityManager is forked only if the
 * handler uses it. Mutations run in one transaction on the request's
 * EntityManager (and `db` reads inside it), so a handler that fails leaves
 * nothing half-written; work a handler queued with `ctx.afterCommit` runs once
 * the transaction has committed (and released its connection). Database errors
 * with a meaning for the client are translated here, once: a unique-constraint
 * race is 409, findOneOrFail's miss is 404.
 */
function authenticated<A extends RouteAuth>(kind: A) {
  type Extra = Principal<A>;
  const authenticate = authenticators[kind] as (ctx: Context, meta: RouteMeta) => Promise<Extra>;
  const builder = t.procedure.use(async ({ ctx, meta, type, next }) => {
    // Fail closed: a procedure answers only under the credential its contract documents.
    if (meta?.auth !== kind) throw new AppError('INTERNAL', 'internal server error', { cause: new Error(`procedure built for ${kind} has auth ${meta?.auth}`) });
    const extra = await authenticate(ctx, meta);
    if (type !== 'mutation' && !isSharedContext(ctx)) {
      Object.assign(ctx, extra);
      // Typed as next({ ctx: extra }), which it is, without the copy.
      const r = await (next as unknown as () => ReturnType<typeof next<Extra>>)();
      return rethrowTranslated(r);
    }
    if (type !== 'mutation') return rethrowTranslated(await next({ ctx: extra }));
    let result: Awaited<ReturnType<typeof next<Extra & Pick<Context, 'em' | 'db' | 'afterCommit'>>>> | undefined;
    const committed: ((em: Context['em']) => Promise<void>)[] = [];
    const afterCommit = (task: (em: Context['em']) => Promise<void>) => void committed.push(task);
    try {
      await ctx.em.transactional(async (em) => {
        result = await next({ ctx: { ...extra, em, db: emReader(em), afterCommit } });
        if (!result.ok) throw ROLLBACK;
      });
    } catch (e) {
      if (e !== ROLLBACK) throw translated(e);
    }
    if (result?.ok) for (const task of committed) await task(ctx.em.fork());
    return rethrowTranslated(result!);
  });
  // Tagged so a test can hold every procedure's middleware against its contract's auth.
  Object.assign(builder._def.middlewares.at(-1)!, { authKind: kind });
  return builder;
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

/** A procedure builder whose handlers see the principal of one credential kind. */
type ProcedureOf<A extends RouteAuth> = ReturnType<typeof authenticated<A>>;

const builders: { [A in RouteAuth]: ProcedureOf<A> } = {
  public: authenticated('public'),
  optional_storefront: authenticated('optional_storefront'),
  storefront: authenticated('storefront'),
  storefront_customer: authenticated('storefront_customer'),
  storefront_optional_customer: authenticated('storefront_optional_customer'),
  customer: authenticated('customer'),
  optional_customer: authenticated('optional_customer'),
  company_member: authenticated('company_member'),
  admin: authenticated('admin'),
  app: authenticated('app'),
};

/**
 * The one way to start a procedure: its contract's meta picks the credential
 * it enforces (and the OpenAPI document describes), so the two cannot differ.
 */
export function procedure<A extends RouteAuth>(meta: RouteMeta<A>): ProcedureOf<A> {
  return builders[meta.auth].meta(meta) as unknown as ProcedureOf<A>;
}
