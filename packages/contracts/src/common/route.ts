import type { OpenApiMeta, OpenApiMethod } from 'trpc-to-openapi';

/**
 * Which credential a route takes (SPEC §2). The API's procedure builders
 * enforce it; the OpenAPI generator turns it into the operation's security.
 */
export type RouteAuth =
  | 'public'
  | 'storefront'
  | 'storefront_customer'
  /** SAT required, CAT optional: a present but invalid CAT is 401. */
  | 'storefront_optional_customer'
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
  'read_extensions',
  'write_extensions',
] as const;
export type AdminScope = (typeof ADMIN_SCOPES)[number];

export type RouteMeta = OpenApiMeta<{ auth: RouteAuth; scope?: AdminScope }>;

export interface RouteSpec {
  method: OpenApiMethod;
  path: `/${string}`;
  auth: RouteAuth;
  scope?: AdminScope;
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
  storefront_optional_customer: [401],
  customer: [401],
  admin: [401, 403],
  app: [401],
};

/** Builds a procedure's route meta from its contract: one place for method, path, auth. */
export function route(spec: RouteSpec): RouteMeta {
  const errors = [...new Set([400, ...AUTH_ERRORS[spec.auth], ...(spec.errors ?? []), 500])].sort();
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
