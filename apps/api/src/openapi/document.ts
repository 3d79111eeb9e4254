import { fileURLToPath } from 'node:url';
import { generateOpenApiDocument, type OpenAPIObject } from 'trpc-to-openapi';
import { z } from 'zod';
import { AUTH_KINDS, ZErrorBody, type ErrorCode, type RouteMeta } from '@cartly/contracts';
import { exampleOf } from './examples.js';
import { appRouter } from '../router.js';
import { rawRoutes } from '../raw-routes.js';

// Four distinct schemes: three share the Authorization header, so each names its token format.
const SECURITY_SCHEMES = {
  StorefrontAccessToken: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Shopify-Storefront-Access-Token',
    description: 'Storefront access token (SAT) of one shop: says which shop and which storefront. `X-Cartly-Storefront-Access-Token` is accepted too.',
  },
  CustomerAccessToken: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'opaque customer access token (CAT)',
    description: 'Customer access token (CAT) from a passwordless login, of the same shop as the SAT; `Authorization: Bearer <cat>`. Revocable (logout).',
  },
  AdminToken: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'opaque admin token',
    description: 'Admin token of one shop, with scopes (listed per operation); `Authorization: Bearer <admin token>` on `/admin/*`.',
  },
  AppToken: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'opaque app OAuth token',
    description: 'OAuth token of a third-party app installed on one shop; `Authorization: Bearer <app token>` on `/apps/api/*`.',
  },
} as const;

/** What each status means on this API; every error has the SPEC §3 envelope. */
const STATUS_TEXT: Record<number, [string, ErrorCode]> = {
  400: ['Invalid input: `message` and `details.issues` name each offending field (wrong types, unknown fields, control characters, a null body).', 'VALIDATION_FAILED'],
  401: ['The credential is missing, malformed, expired or revoked.', 'UNAUTHENTICATED'],
  403: ['The credential is valid but lacks the right (e.g. an admin token without the scope).', 'FORBIDDEN'],
  404: ['No such resource for this credential (another shop\'s or customer\'s objects are never revealed).', 'NOT_FOUND'],
  409: ['Conflicts with an existing resource or the resource\'s current state.', 'CONFLICT'],
  413: ['The body is larger than the server\'s limit (MAX_BODY_BYTES, 100 KB by default).', 'PAYLOAD_TOO_LARGE'],
  415: ['A body was sent that is not `application/json`.', 'UNSUPPORTED_MEDIA_TYPE'],
  422: ['Well-formed, but breaks a business rule; `message` says which.', 'BUSINESS_RULE'],
  429: ['Too many requests; retry after the number of seconds in `Retry-After`.', 'RATE_LIMITED'],
  431: ['The URL or the request headers are too large (16 KB together).', 'HEADERS_TOO_LARGE'],
  500: ['Internal error; the body says nothing about internals.', 'INTERNAL'],
  503: ['The workflow service did not answer in time; the change may have been applied: refresh the resource before retrying.', 'UNAVAILABLE'],
};

function errorText(status: number): [string, ErrorCode] {
  return STATUS_TEXT[status] ?? [`Error ${status}.`, 'INTERNAL'];
}

function errorExample(status: number) {
  const [description, code] = errorText(status);
  return { error: { code, message: status === 400 ? 'first_name: must not be empty' : description.split(';')[0]!.replace(/\.$/, '') } };
}

function errorResponse(status: number) {
  if (NO_BODY_STATUSES[String(status)]) return { description: NO_BODY_STATUSES[String(status)] };
  const [description] = errorText(status);
  return {
    description,
    ...(status === 429
      ? { headers: { 'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer', minimum: 1 }, example: 60 } } }
      : {}),
    content: {
      'application/json': {
        schema: { $ref: '#/components/schemas/Error' },
        example: errorExample(status),
      },
    },
  };
}

/** The operation's security requirement: the alternatives its credential kind accepts (AUTH_KINDS). */
function securityFor(meta: RouteMeta): Record<string, string[]>[] {
  return AUTH_KINDS[meta.auth].security.map((schemes) =>
    Object.fromEntries(schemes.map((s) => [s, s === 'AdminToken' && meta.scope ? [meta.scope] : []])),
  );
}

/** 3xx answers listed in a contract's `errors` carry no error body. */
const NO_BODY_STATUSES: Record<string, string> = {
  '302': 'Redirect; the target is in the Location header.',
  '304': 'Not modified: the If-None-Match validator still matches; no body.',
};

interface ZodLike { _zod?: { def: Record<string, unknown> } }

/**
 * Whether a contract's input refuses unknown keys (a strict object, possibly refined or piped).
 * trpc-to-openapi rebuilds a refined body as a plain object, dropping `additionalProperties: false`
 * at its root; this puts back exactly what the input schema enforces. (Response objects get it from
 * Zod's output conversion: every output is parsed by the procedure's `.output()`, which strips
 * unknown keys, so the server never sends a field its schema does not list.)
 */
function refusesUnknownKeys(schema: unknown): boolean {
  const def = (schema as ZodLike | undefined)?._zod?.def;
  if (!def) return false;
  if (def.type === 'pipe') return refusesUnknownKeys(def.in);
  return def.type === 'object' && (def.catchall as ZodLike | undefined)?._zod?.def.type === 'never';
}

type Media = { schema?: Record<string, unknown>; example?: unknown };
type Operation = {
  security?: unknown;
  summary?: string;
  description?: string;
  parameters?: { name: string; in: string; schema?: Record<string, unknown>; example?: unknown }[];
  requestBody?: { content?: Record<string, Media> };
  responses?: Record<string, { description?: string; content?: Record<string, Media> }>;
};

/**
 * The OpenAPI document for every REST route. trpc-to-openapi lists all
 * schemes on every operation, so each operation's security is set from its
 * contract's `auth`, and error responses use the SPEC §3 error body.
 */
export function openApiDocument(baseUrl: string): OpenAPIObject {
  const doc = generateOpenApiDocument(appRouter, {
    title: 'Cartly Customer Portal API',
    version: '1.0.0',
    description:
      'Customer portal API of Cartly. Every route is also a tRPC procedure at `/trpc`. ' +
      'Request bodies and queries reject unknown fields with 400 (`additionalProperties: false`), as well as ' +
      'strings with control characters or unpaired surrogates, booleans and numbers sent as strings, a null body, ' +
      'and a query parameter given twice. Responses carry only the fields their schema lists (`additionalProperties: false` ' +
      'there too), so a generated client may refuse anything else. Every error is `{"error": {"code", "message", "details"?}}`; 429 answers ' +
      'carry `Retry-After`. Lists are cursor-paginated: pass `next_cursor` back unchanged as `cursor` (it is opaque). ' +
      'An interactive reference is served at `/docs`.',
    baseUrl,
    securitySchemes: SECURITY_SCHEMES as unknown as Record<string, never>,
  });
  const { $schema: _, ...errorSchema } = z.toJSONSchema(ZErrorBody) as Record<string, unknown>;
  // trpc-to-openapi's flat `error.<CODE>` shapes are not what the server sends: only the envelope stays.
  const schemas = Object.fromEntries(Object.entries(doc.components?.schemas ?? {}).filter(([name]) => !name.startsWith('error.')));
  doc.components = { ...doc.components, schemas: { ...schemas, Error: errorSchema } };
  const root = doc as unknown as Record<string, unknown>;

  for (const procedure of Object.values(appRouter._def.procedures)) {
    const { meta, inputs } = (procedure as unknown as { _def: { meta?: RouteMeta; inputs?: unknown[] } })._def;
    if (!meta?.openapi) continue;
    const path = meta.openapi.path;
    const op = (doc.paths?.[path] as Record<string, Operation> | undefined)?.[meta.openapi.method.toLowerCase()];
    if (!op) continue;
    op.security = securityFor(meta);
    op.description = `${op.description ?? `${op.summary}.`}\n\n**Credential:** ${AUTH_KINDS[meta.auth].describe}`;
    const success = Object.entries(op.responses ?? {}).filter(([status]) => Number(status) < 400);
    op.responses = Object.fromEntries([
      ...success,
      ...(meta.openapi.errorResponses as number[]).map((status) => [String(status), errorResponse(status)]),
    ]);
    for (const [, response] of success) {
      const media = response.content?.['application/json'];
      if (media?.schema) media.example = exampleOf(media.schema, root);
    }
    const body = op.requestBody?.content?.['application/json'];
    if (body?.schema && inputs?.length === 1 && refusesUnknownKeys(inputs[0])) body.schema.additionalProperties = false;
    if (body?.schema) body.example = exampleOf(body.schema, root);
    for (const param of op.parameters ?? []) {
      if (param.schema && param.name !== 'cursor') param.example = exampleOf(param.schema, root, param.name);
    }
  }
  // Raw (non-JSON) routes document themselves.
  for (const route of rawRoutes) {
    if (!route.openapi) continue;
    const item = ((doc.paths ??= {})[route.path] ??= {}) as Record<string, unknown>;
    // The frame can answer these on any route too (a 20 KB URL, an internal error).
    const op = route.openapi as Operation;
    op.responses = { ...op.responses, '431': errorResponse(431), '500': errorResponse(500) };
    // Errors a raw route lists itself get the same example as every other operation's.
    for (const [status, response] of Object.entries(op.responses)) {
      const media = response.content?.['application/json'];
      if (Number(status) >= 400 && media && media.example === undefined) media.example = errorExample(Number(status));
    }
    item[route.method.toLowerCase()] = op;
  }
  return doc;
}

/** The committed copy is generated against a fixed base URL so it is reproducible. */
export const COMMITTED_BASE_URL = 'http://127.0.0.1:3000';
export const committedDocumentPath = fileURLToPath(new URL('../../openapi.json', import.meta.url));

export function renderDocument(doc: OpenAPIObject): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
