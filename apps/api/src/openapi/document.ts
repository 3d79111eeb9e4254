import { fileURLToPath } from 'node:url';
import { generateOpenApiDocument, type OpenAPIObject } from 'trpc-to-openapi';
import { z } from 'zod';
import { AUTH_KINDS, ZErrorBody, type RouteMeta } from '@cartly/contracts';
import { appRouter } from '../router.js';
import { rawRoutes } from '../raw-routes.js';

const SECURITY_SCHEMES = {
  StorefrontAccessToken: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Shopify-Storefront-Access-Token',
    description: 'Storefront access token (SAT) of one shop. `X-Cartly-Storefront-Access-Token` is accepted too.',
  },
  CustomerAccessToken: {
    type: 'http',
    scheme: 'bearer',
    description: 'Customer access token (CAT) from a login; `Authorization: Bearer <cat>`.',
  },
  AdminToken: {
    type: 'http',
    scheme: 'bearer',
    description: 'Admin token of one shop, with scopes; `Authorization: Bearer <admin token>`.',
  },
  AppToken: {
    type: 'http',
    scheme: 'bearer',
    description: 'OAuth token of an installed app; `Authorization: Bearer <app token>`.',
  },
} as const;

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

type Operation = { security?: unknown; responses?: Record<string, { description?: string; content?: unknown }> };

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
      'Request bodies and queries reject unknown fields with 400.',
    baseUrl,
    securitySchemes: SECURITY_SCHEMES as unknown as Record<string, never>,
  });
  const errorSchema = z.toJSONSchema(ZErrorBody, { target: 'openapi-3.0' }) as Record<string, unknown>;
  doc.components = { ...doc.components, schemas: { ...(doc.components?.schemas ?? {}), Error: errorSchema } };

  for (const procedure of Object.values(appRouter._def.procedures)) {
    const meta = (procedure as unknown as { _def: { meta?: RouteMeta } })._def.meta;
    if (!meta?.openapi) continue;
    const path = meta.openapi.path;
    const op = (doc.paths?.[path] as Record<string, Operation> | undefined)?.[meta.openapi.method.toLowerCase()];
    if (!op) continue;
    op.security = securityFor(meta);
    for (const [status, response] of Object.entries(op.responses ?? {})) {
      // trpc-to-openapi shares one response object among statuses it has no text for: replace, never mutate, them.
      if (NO_BODY_STATUSES[status]) {
        op.responses![status] = { description: NO_BODY_STATUSES[status] };
      } else if (Number(status) >= 400) {
        op.responses![status] = { ...response, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
      }
    }
  }
  // Raw (non-JSON) routes document themselves.
  for (const route of rawRoutes) {
    if (!route.openapi) continue;
    const item = ((doc.paths ??= {})[route.path] ??= {}) as Record<string, unknown>;
    item[route.method.toLowerCase()] = route.openapi;
  }
  return doc;
}

/** The committed copy is generated against a fixed base URL so it is reproducible. */
export const COMMITTED_BASE_URL = 'http://127.0.0.1:3000';
export const committedDocumentPath = fileURLToPath(new URL('../../openapi.json', import.meta.url));

export function renderDocument(doc: OpenAPIObject): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
