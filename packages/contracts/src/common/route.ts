import type { OpenApiMeta, OpenApiMethod } from 'trpc-to-openapi';
import type { B2BAction } from '../companies/actions.js';

/**
 * Which credential a route takes (SPEC §2). The API's procedure builders
 * enforce it; the OpenAPI generator turns it into the operation's security.
 */
export type RouteAuth =
  | 'public'
  | 'storefront'
  | 'storefront_customer'
  | 'customer'
  | 'admin'
  | 'app';

export const ADMIN_SCOPES = [
  'read_customers',
  'write_customers',
  'read_products',
  'write_products',
  'read_orders',
  'write_orders',
  'read_returns',
  'write_returns',
  'read_companies',
  'write_companies',
] as const;
export type AdminScope = (typeof ADMIN_SCOPES)[number];

/**
 * `b2b` names the company action a customer route performs: the middleware
 * that resolves the CAT also loads the caller's company membership and checks
 * the role against the permission table (403 when not allowed).
 */
export type RouteMeta = OpenApiMeta<{ auth: RouteAuth; scope?: AdminScope; b2b?: B2BAction }>;

export interface RouteSpec {
  method: OpenApiMethod;
  path: `/${string}`;
  auth: RouteAuth;
  scope?: AdminScope;
  /** The company action of a B2B customer route (checked with the membership on every request). */
  b2b?: B2BAction;
  tags: string[];
  summary: string;
  description?: string;
  /** Status codes this route can answer besides 200, documented in OpenAPI. */
  errors?: number[];
}

const AUTH_ERRORS: Record<RouteAuth, number[]> = {
  public: [],
  storefront: [401],
  storefront_customer: [401],
  customer: [401],
  admin: [401, 403],
  app: [401],
};

/** Builds a procedure's route meta from its contract: one place for method, path, auth. */
export function route(spec: RouteSpec): RouteMeta {
  const errors = [...new Set([400, ...AUTH_ERRORS[spec.auth], ...(spec.b2b ? [403] : []), ...(spec.errors ?? []), 500])].sort();
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
