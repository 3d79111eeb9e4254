import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { nodeHTTPRequestHandler } from '@trpc/server/adapters/node-http';
import type { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { getErrorShape } from '@trpc/server/unstable-core-do-not-import';
import type { AnyRouter } from '@trpc/server';
import type { OpenAPIObject } from 'trpc-to-openapi';
import { contextFactory, type AppDeps } from '../context.js';
import { AppError, toErrorBody } from '../errors.js';
import { readBody } from './body.js';
import { assignRequestId, logRequestError } from './error-log.js';
import { findRawRoute, type RawRoute } from './raw-routes.js';
import { jsonDepthExceeds } from '../lib/json-depth.js';
import { pinInputCoercion } from './strict-input.js';
import { answerClientError } from './client-error.js';
import type { EntityManager } from '@cartly/db';
import { browserRoutes } from './browser-routes.js';
import { createCorsGate, type CorsOrigins } from './cors.js';
import { createRestHandler } from './rest-handler.js';
import { requestUrl, type RequestUrl } from './request-url.js';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/**
 * The most procedures one tRPC batch request may run (a larger batch is 400):
 * without a cap one HTTP request could run hundreds of them, past every
 * per-request limit. The widget's batch link splits at the same number.
 */
export const MAX_BATCH_SIZE = 10;

/** No API body nests this deep; deeper ones would overflow the stack downstream. */
const MAX_BODY_DEPTH = 64;

/** The REST adapter and tRPC re-serialise bodies recursively: one nested past any real API shape is 400, not a stack overflow. */
function refuseDeepBody(body: string): void {
  if (jsonDepthExceeds(body, MAX_BODY_DEPTH)) throw new AppError('VALIDATION_FAILED', `request body is nested deeper than ${MAX_BODY_DEPTH} levels`);
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** Retry-After for 429s, on both faces. */
function responseMeta({ errors }: { errors: TRPCError[] }) {
  const limited = errors.find((e): e is AppError => e instanceof AppError && e.retryAfter !== undefined);
  return limited ? { headers: { 'Retry-After': String(limited.retryAfter) } } : {};
}

function logError({ error, path, req }: { error: TRPCError; path?: string; req?: IncomingMessage }): void {
  // Redacted (error-log.ts): inputs and headers may carry tokens or codes, database errors their bound values.
  if (error.code === 'INTERNAL_SERVER_ERROR') logRequestError(req, path ?? '?', error.cause ?? error);
}

/** `?limit=5&limit=6`: which one was meant? Refused, naming the parameter, rather than guessed. */
function refuseRepeatedQuery(url: RequestUrl): void {
  if (url.search === '') return;
  const keys = [...url.searchParams.keys()];
  const repeated = [...new Set(keys.filter((k, i) => keys.indexOf(k) !== i))];
  if (repeated.length) {
    const issues = repeated.map((field) => ({ field, message: 'is given more than once; send each query parameter once' }));
    throw new AppError('VALIDATION_FAILED', issues.map((i) => `${i.field}: ${i.message}`).join('; '), { details: { issues } });
  }
}

/** A REST body: empty (undefined), or a JSON object; anything else is refused with the reason. */
function parseJsonBody(body: string, contentType: string | undefined): unknown {
  if (body === '') return undefined;
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      type ? `content type "${type}" is not supported; send the body as application/json` : 'the body has no Content-Type; send it as application/json',
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new AppError('VALIDATION_FAILED', 'request body is not valid JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    const issues = [{ field: 'body', message: `must be a JSON object, not ${parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : typeof parsed}` }];
    throw new AppError('VALIDATION_FAILED', `body: ${issues[0]!.message}`, { details: { issues } });
  }
  return parsed;
}

/** An error raised before tRPC saw the request (an oversized body), answered in tRPC's own error shape. */
function sendTrpcError(res: ServerResponse, router: AnyRouter, error: AppError, path: string, batch: boolean): void {
  const paths = batch ? path.split(',') : [path];
  const shapes = paths.map((p) => ({
    error: getErrorShape({ config: router._def._config, error, type: 'unknown', path: p, input: undefined, ctx: undefined }),
  }));
  if (error.appCode === 'PAYLOAD_TOO_LARGE') res.setHeader('connection', 'close');
  sendJson(res, getHTTPStatusCodeFromError(error), batch ? shapes : shapes[0]);
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
  pinInputCoercion(appRouter);
  const createContext = contextFactory(app);
  const rest = createRestHandler({ router: appRouter, createContext, responseMeta, onError: logError });
  const document = JSON.stringify(openApiDocument(app.env.PUBLIC_BASE_URL));
  const em = () => app.orm.em.fork() as unknown as EntityManager;
  const cors = createCorsGate({
    browserFacing: browserRoutes(appRouter),
    originKnown: (origin) => corsOrigins.known(em(), origin),
    originAllowed: (req, origin) => corsOrigins.allowed(em(), req, origin),
  });

  async function handle(req: IncomingMessage & { body?: unknown }, res: ServerResponse): Promise<void> {
    res.setHeader('X-Request-Id', assignRequestId(req));
    const url = requestUrl(req.url);
    // Only a preflight is OPTIONS, only a cross-origin request has an Origin: most requests skip both awaits.
    if (req.method === 'OPTIONS' && (await cors.preflight(req, res, url.pathname))) return;
    if (req.headers.origin !== undefined) await cors.decorate(req, res, url.pathname);
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
    const hasBody = BODY_METHODS.has(req.method ?? '');
    if (url.pathname.startsWith('/trpc/')) {
      const path = url.pathname.slice('/trpc/'.length);
      let body = '';
      try {
        if (hasBody) body = await readBody(req, app.env.MAX_BODY_BYTES);
        refuseDeepBody(body);
      } catch (e) {
        if (e instanceof AppError) return sendTrpcError(res, appRouter, e, path, url.searchParams.has('batch'));
        throw e;
      }
      // Always set (even to undefined): tRPC then knows the stream was consumed here.
      if (hasBody) req.body = body === '' ? undefined : body;
      await nodeHTTPRequestHandler({
        router: appRouter,
        createContext,
        req,
        res,
        path,
        responseMeta,
        onError: logError,
        maxBodySize: app.env.MAX_BODY_BYTES,
        maxBatchSize: MAX_BATCH_SIZE,
      });
      return;
    }

    refuseRepeatedQuery(url);
    if (hasBody) {
      const body = await readBody(req, app.env.MAX_BODY_BYTES);
      refuseDeepBody(body);
      req.body = parseJsonBody(body, req.headers['content-type']);
      // An optional body (logout, approve) may come without a Content-Type; the adapter insists on one.
      if (req.body === undefined) req.headers['content-type'] = 'application/json';
    }
    await rest(req, res, url);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const error = e instanceof AppError ? e : new AppError('INTERNAL', 'internal server error', { cause: e });
      if (error.appCode === 'INTERNAL') logRequestError(req, `${req.method ?? '?'} ${(req.url ?? '').split('?')[0]}`, e);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      // A body we refused to read must not be left on a keep-alive socket.
      if (error.appCode === 'PAYLOAD_TOO_LARGE') res.setHeader('connection', 'close');
      sendJson(res, getHTTPStatusCodeFromError(error), toErrorBody(error));
    });
  });
  // Requests Node refuses before they reach us (a 20 KB URL, huge headers) still get the JSON envelope.
  server.on('clientError', answerClientError);
  return server;
}
