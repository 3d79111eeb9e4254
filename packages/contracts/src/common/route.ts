import type { OpenApiMeta, OpenApiMethod } from 'trpc-to-openapi';
import { AUTH_KINDS, type RouteAuth } from './auth.js';
import type { B2BAction } from '../companies/actions.js';

export const ADMIN_SCOPES = [
  'read_customers',
  'write_customers',
  'read_products',
  'write_products',
  'read_orders',
  'write_orders',
  'read_returns',
  'write_returns',
  'read_portal',
  'write_portal',
  'read_loyalty',
  'write_loyalty',
  'read_account_api',
  'write_account_api',
  'read_companies',
  'write_companies',
  'read_extensions',
  'write_extensions',
] as const;
export type AdminScope = (typeof ADMIN_SCOPES)[number];

/**
 * `b2b` names the company action a `company_member` route performs: its
 * authenticator loads the caller's company membership and checks the role
 * against the permission table (403 when not allowed).
 */
export type RouteMeta<A extends RouteAuth = RouteAuth> = OpenApiMeta<{ auth: A; scope?: AdminScope; b2b?: B2BAction }>;

export interface RouteSpec<A extends RouteAuth = RouteAuth> {
  method: OpenApiMethod;
  path: `/${string}`;
  auth: A;
  scope?: AdminScope;
  /** The company action of a `company_member` route (checked with the membership on every request). */
  b2b?: B2BAction;
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
    ...(spec.b2b ? { b2b: spec.b2b } : {}),
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
