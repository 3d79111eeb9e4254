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
  'read_portal',
  'write_portal',
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

/** Builds a procedure's route meta from its contract: one place for method, path, auth. */
export function route<A extends RouteAuth>(spec: RouteSpec<A>): RouteMeta<A> {
  const errors = [...new Set([400, ...AUTH_KINDS[spec.auth].errors, ...(spec.errors ?? []), 500])].sort();
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
