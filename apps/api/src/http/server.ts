import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { nodeHTTPRequestHandler } from '@trpc/server/adapters/node-http';
import type { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { createOpenApiNodeHttpHandler } from 'trpc-to-openapi';
import { appRouter } from '../router.js';
import { contextFactory, type Deps } from '../context.js';
import { AppError, toErrorBody } from '../errors.js';
import { openApiDocument } from '../openapi/document.js';
import { readBody } from './body.js';
import { serveMagicLinkPage } from '../routers/passwordless/magic-link-page.js';
import { MAGIC_LINK_PAGE_PATH } from '../services/passwordless/magic-link.js';
import { credentialShopListsOrigin, isListedStorefrontOrigin } from '../auth/storefront-origins.js';
import type { EntityManager } from '@cartly/db';
import { browserRoutes } from './browser-routes.js';
import { createCorsGate } from './cors.js';

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

export function createApiServer(deps: Deps): Server {
  const createContext = contextFactory(deps);
  const rest = createOpenApiNodeHttpHandler({
    router: appRouter,
    createContext,
    responseMeta,
    onError: logError,
    maxBodySize: deps.env.MAX_BODY_BYTES,
  });
  const document = JSON.stringify(openApiDocument(deps.env.PUBLIC_BASE_URL));
  const em = () => deps.orm.em.fork() as unknown as EntityManager;
  const cors = createCorsGate({
    browserFacing: browserRoutes(appRouter),
    originKnown: (origin) => isListedStorefrontOrigin(em(), origin),
    originAllowed: (req, origin) => credentialShopListsOrigin(em(), req, origin),
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
    if ((req.method === 'GET' || req.method === 'HEAD') && url.pathname === MAGIC_LINK_PAGE_PATH) {
      serveMagicLinkPage(req, res);
      return;
    }
    if (req.method === 'GET' && url.pathname === '/healthz') {
      sendJson(res, 200, { ok: true });
      return;
    }
    let raw = '';
    if (BODY_METHODS.has(req.method ?? '')) raw = await readBody(req, deps.env.MAX_BODY_BYTES);

    if (url.pathname.startsWith('/trpc/')) {
      // Always set (even to undefined): tRPC then knows the stream was consumed here.
      if (BODY_METHODS.has(req.method ?? '')) req.body = raw === '' ? undefined : raw;
      await nodeHTTPRequestHandler({
        router: appRouter,
        createContext,
        req,
        res,
        path: url.pathname.slice('/trpc/'.length),
        responseMeta,
        onError: logError,
        maxBodySize: deps.env.MAX_BODY_BYTES,
      });
      return;
    }

    if (raw && /^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      try {
        req.body = JSON.parse(raw);
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
