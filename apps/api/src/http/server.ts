import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { nodeHTTPRequestHandler } from '@trpc/server/adapters/node-http';
import type { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { createOpenApiNodeHttpHandler } from 'trpc-to-openapi';
import type { AnyRouter } from '@trpc/server';
import type { OpenAPIObject } from 'trpc-to-openapi';
import { contextFactory, type AppDeps } from '../context.js';
import { AppError, toErrorBody } from '../errors.js';
import { readBody } from './body.js';
import { findRawRoute, type RawRoute } from './raw-routes.js';
import type { EntityManager } from '@cartly/db';
import { browserRoutes } from './browser-routes.js';
import { createCorsGate, type CorsOrigins } from './cors.js';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** Retry-After for 429s, on both faces. */
function responseMeta({ errors }: { errors: TRPCError[] }) {
  const limited = errors.find((e): e is AppError => e instanceof AppError && e.retryAfter !== undefined);
  return limited ? { headers: { 'Retry-After': String(limited.retryAfter) } } : {};
}

function logError({ error, path }: { error: TRPCError; path?: string }): void {
  if (error.code === 'INTERNAL_SERVER_ERROR') {
    // Message and stack only: inputs and headers may carry tokens or codes.
    console.error(`[api] ${path ?? '?'} failed:`, error.cause ?? error);
  }
}

/**
 * trpc-to-openapi answers errors as `{...shape, message, code, issues}`; REST
 * clients get exactly the SPEC §3 body, taken from the shape's `error`.
 */
function restErrorEnvelope(res: ServerResponse): void {
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (res.statusCode >= 400 && typeof chunk === 'string') {
      try {
        const body = JSON.parse(chunk) as { error?: unknown };
        if (body.error) chunk = JSON.stringify({ error: body.error });
      } catch {
        // not JSON: leave as is
      }
    }
    return end(chunk, ...rest);
  }) as ServerResponse['end'];
}

/** What the server mounts; app.ts composes it from the domains, so the frame names none of them. */
export interface Mounts {
  router: AnyRouter;
  rawRoutes: readonly RawRoute[];
  openApiDocument(baseUrl: string): OpenAPIObject;
  /** Which browser origins the tenants list, for CORS on the browser-facing routes. */
  corsOrigins: CorsOrigins;
}

export function createApiServer(app: AppDeps, mounts: Mounts): Server {
  const { router: appRouter, rawRoutes, openApiDocument, corsOrigins } = mounts;
  const createContext = contextFactory(app);
  const rest = createOpenApiNodeHttpHandler({
    router: appRouter,
    createContext,
    responseMeta,
    onError: logError,
    maxBodySize: app.env.MAX_BODY_BYTES,
  });
  const document = JSON.stringify(openApiDocument(app.env.PUBLIC_BASE_URL));
  const em = () => app.orm.em.fork() as unknown as EntityManager;
  const cors = createCorsGate({
    browserFacing: browserRoutes(appRouter),
    originKnown: (origin) => corsOrigins.known(em(), origin),
    originAllowed: (req, origin) => corsOrigins.allowed(em(), req, origin),
  });

  async function handle(req: IncomingMessage & { body?: unknown }, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (await cors.preflight(req, res, url.pathname)) return;
    await cors.decorate(req, res, url.pathname);
    if (req.method === 'GET' && url.pathname === '/openapi.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(document);
      return;
    }
    const raw = findRawRoute(rawRoutes, req.method, url.pathname);
    if (raw) {
      await raw.route.handle(req, res, app, raw.params);
      return;
    }
    if (req.method === 'GET' && url.pathname === '/healthz') {
      sendJson(res, 200, { ok: true });
      return;
    }
    let body = '';
    if (BODY_METHODS.has(req.method ?? '')) body = await readBody(req, app.env.MAX_BODY_BYTES);

    if (url.pathname.startsWith('/trpc/')) {
      // Always set (even to undefined): tRPC then knows the stream was consumed here.
      if (BODY_METHODS.has(req.method ?? '')) req.body = body === '' ? undefined : body;
      await nodeHTTPRequestHandler({
        router: appRouter,
        createContext,
        req,
        res,
        path: url.pathname.slice('/trpc/'.length),
        responseMeta,
        onError: logError,
        maxBodySize: app.env.MAX_BODY_BYTES,
      });
      return;
    }

    if (body && /^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      try {
        req.body = JSON.parse(body);
      } catch {
        throw new AppError('VALIDATION_FAILED', 'request body is not valid JSON');
      }
    } else if (BODY_METHODS.has(req.method ?? '')) {
      req.body = undefined;
    }
    restErrorEnvelope(res);
    await rest(req, res);
  }

  return createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const error = e instanceof AppError ? e : new AppError('INTERNAL', 'internal server error', { cause: e });
      if (error.appCode === 'INTERNAL') console.error('[api] request failed:', e);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      // A body we refused to read must not be left on a keep-alive socket.
      if (error.appCode === 'PAYLOAD_TOO_LARGE') res.setHeader('connection', 'close');
      sendJson(res, getHTTPStatusCodeFromError(error), toErrorBody(error));
    });
  });
}
