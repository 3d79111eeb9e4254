import type { OpenApiMeta, OpenApiMethod } from 'trpc-to-openapi';
import { AUTH_KINDS, type RouteAuth } from './auth.js';

export const ADMIN_SCOPES = [
  'read_customers',
  'write_customers',
  'read_products',
  'write_products',
  'read_orders',
  'write_orders',
  'read_returns',
  'write_returns',
  'read_loyalty',
  'write_loyalty',
  'read_account_api',
  'write_account_api',
] as const;
export type AdminScope = (typeof ADMIN_SCOPES)[number];

export type RouteMeta<A extends RouteAuth = RouteAuth> = OpenApiMeta<{ auth: A; scope?: AdminScope }>;

export interface RouteSpec<A extends RouteAuth = RouteAuth> {
  method: OpenApiMethod;
  path: `/${string}`;
  auth: A;
  scope?: AdminScope;
  tags: string[];
  summary: string;
  description?: string;
  /** Status codes this route can answer besides 200, documented in OpenAPI. */
  errors?: number[];
}

/** What the HTTP frame can answer on any route: bad input, a URL or headers over 16 KB, a server error. */
export const FRAME_ERRORS = [400, 431, 500] as const;
/** ...and on a route that takes a body: too large, not JSON. */
export const BODY_ERRORS = [413, 415] as const;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Builds a procedure's route meta from its contract: one place for method, path, auth, every status it can answer. */
export function route<A extends RouteAuth>(spec: RouteSpec<A>): RouteMeta<A> {
  const errors = [
    ...new Set([
      ...FRAME_ERRORS,
      ...(BODY_METHODS.has(spec.method) ? BODY_ERRORS : []),
      ...AUTH_KINDS[spec.auth].errors,
      ...(spec.errors ?? []),
    ]),
  ].sort((a, b) => a - b);
  return {
    auth: spec.auth,
    ...(spec.scope ? { scope: spec.scope } : {}),
    openapi: {
      method: spec.method,
      path: spec.path,
      tags: spec.tags,
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      protect: spec.auth !== 'public',
      errorResponses: errors,
    },
  };
}
