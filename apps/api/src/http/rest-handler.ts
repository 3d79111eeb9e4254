import type { IncomingMessage, ServerResponse } from 'node:http';
import { TRPCError, type AnyRouter } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { getErrorShape } from '@trpc/server/unstable-core-do-not-import';
import { ZodArray } from 'zod';
import {
  coerceSchema,
  forEachOpenApiProcedure,
  getInputOutputParsers,
  getPathRegExp,
  instanceofZodTypeLikeVoid,
  instanceofZodTypeObject,
  instanceofZodTypeOptional,
  normalizePath,
  unwrapZodType,
  zodSupportsCoerce,
  type OpenApiRouter,
} from 'trpc-to-openapi';
import type { Context } from '../context.js';
import { callProcedure, type ChainedProcedure } from './call-procedure.js';
import type { RequestUrl } from './request-url.js';

/*
 * The REST face: each procedure's `meta.openapi` method and path, answered by
 * the same tRPC procedure (input and output validation included) that the
 * typed client calls. It does what trpc-to-openapi's node handler does, with
 * everything that depends only on the router done once here instead of per
 * request: the route table, merged input schemas, which query keys are arrays
 * and the schemas' coercion flags. Per request it skips that handler's Fetch
 * `Request` (built only for an abort signal no procedure reads), its second URL
 * parse and its per-call caller proxy, and runs the procedure's middleware
 * chain through call-procedure.ts (bench/README.md has the profile).
 */

interface RestRoute {
  pattern: RegExp;
  /** The tRPC key, e.g. `account.addresses.list`. */
  path: string;
  type: string;
  procedure: ChainedProcedure;
  /** z.void()-like input: the procedure gets no input at all. */
  voidInput: boolean;
  /** Query keys whose schema is an array: a single `?k=v` is handed over as `[v]`. */
  arrayKeys: readonly string[];
}

export interface RestHandlerOptions {
  router: AnyRouter;
  createContext(opts: { req: IncomingMessage; res: ServerResponse }): Context;
  responseMeta(opts: { errors: TRPCError[] }): { status?: number; headers?: Record<string, string> };
  onError(opts: { error: TRPCError; path?: string; req?: IncomingMessage; type: string; input: unknown; ctx: unknown }): void;
}

function isArraySchema(schema: unknown): boolean {
  if (schema instanceof ZodArray) return true;
  return instanceofZodTypeOptional(schema as never) && (schema as { unwrap(): unknown }).unwrap() instanceof ZodArray;
}

function compile(router: AnyRouter): Map<string, RestRoute[]> {
  const byMethod = new Map<string, RestRoute[]>();
  forEachOpenApiProcedure((router as OpenApiRouter)._def.procedures, ({ path, procedure, meta: { openapi } }) => {
    if (procedure._def.type === 'subscription') return;
    const { inputParser } = getInputOutputParsers(procedure);
    const unwrapped = unwrapZodType(inputParser, true);
    const voidInput = instanceofZodTypeLikeVoid(unwrapped);
    const isObject = zodSupportsCoerce && instanceofZodTypeObject(unwrapped);
    // A no-op on our pinned schemas (strict-input.ts), kept so the adapter's rule is applied the same way, once.
    if (isObject) coerceSchema(unwrapped);
    const arrayKeys = isObject ? Object.entries(unwrapped.shape).filter(([, s]) => isArraySchema(s)).map(([k]) => k) : [];
    const routes = byMethod.get(openapi.method) ?? [];
    routes.push({
      pattern: getPathRegExp(normalizePath(openapi.path)),
      path,
      type: procedure._def.type,
      procedure: procedure as unknown as ChainedProcedure,
      voidInput,
      arrayKeys,
    });
    byMethod.set(openapi.method, routes);
  });
  return byMethod;
}

/** `?a=1&a=2&b=3` → `{ a: ['1', '2'], b: '3' }`, as the adapter reads a query. */
function queryOf(url: RequestUrl): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  url.searchParams.forEach((value, key) => {
    const seen = query[key];
    query[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  });
  return query;
}

function internal(cause: unknown): TRPCError {
  if (cause instanceof TRPCError) return cause;
  const error = new TRPCError({ message: 'Internal server error', code: 'INTERNAL_SERVER_ERROR', cause: cause instanceof Error ? cause : undefined });
  if (cause instanceof Error && cause.stack) error.stack = cause.stack;
  return error;
}

function send(res: ServerResponse, status: number, headers: Record<string, string> | undefined, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  if (headers) for (const key in headers) res.setHeader(key, headers[key]!);
  res.end(JSON.stringify(body));
}

/** Answers a REST request whose body (if any) server.ts has already read into `req.body`. */
export function createRestHandler(opts: RestHandlerOptions) {
  const { router, createContext, responseMeta, onError } = opts;
  const routes = compile(router);

  return async (req: IncomingMessage & { body?: unknown }, res: ServerResponse, url: RequestUrl): Promise<void> => {
    const method = req.method ?? 'GET';
    const pathname = normalizePath(url.pathname);
    let route: RestRoute | undefined;
    let pathInput: Record<string, string> = {};
    for (const r of routes.get(method) ?? []) {
      const m = r.pattern.exec(pathname);
      if (m) {
        route = r;
        pathInput = m.groups ?? {};
        break;
      }
    }
    let input: unknown;
    let ctx: Context | undefined;
    try {
      if (!route) {
        if (method === 'HEAD') return send(res, 204, {}, undefined);
        throw new TRPCError({ message: 'Not found', code: 'NOT_FOUND' });
      }
      const useBody = method !== 'GET' && method !== 'DELETE';
      const contentType = req.headers['content-type'];
      if (useBody && !contentType?.startsWith('application/json')) {
        throw new TRPCError({
          code: 'UNSUPPORTED_MEDIA_TYPE',
          message: contentType ? `Unsupported content-type "${contentType}` : 'Missing content-type header',
        });
      }
      if (!route.voidInput) {
        const fields: Record<string, unknown> = { ...(useBody ? (req.body as object | undefined) : queryOf(url)), ...pathInput };
        if (!useBody) for (const key of route.arrayKeys) if (fields[key] !== undefined && !Array.isArray(fields[key])) fields[key] = [fields[key]];
        input = fields;
      }
      ctx = createContext({ req, res });
      const given = input;
      const data = await callProcedure(route.procedure, { ctx, path: route.path, type: route.type, getRawInput: async () => given, signal: undefined, batchIndex: 0 });
      const meta = responseMeta({ errors: [] });
      send(res, meta.status ?? 200, meta.headers, data);
    } catch (cause) {
      const error = internal(cause);
      const type = route?.type ?? 'unknown';
      onError({ error, type, path: route?.path, input, ctx, req });
      const meta = responseMeta({ errors: [error] });
      const shape = getErrorShape({ config: router._def._config, error, type: type as never, path: route?.path, input, ctx });
      // REST clients get exactly the SPEC §3 body: the `error` trpc.ts's error formatter puts in every shape.
      const body = { error: (shape as unknown as { error: unknown }).error };
      send(res, meta.status ?? getHTTPStatusCodeFromError(error), meta.headers, body);
    }
  };
}
