import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Deps } from '../context.js';

/**
 * A route that does not answer JSON through tRPC (a redirect, a stylesheet).
 * Domains export tables of these from `<domain>/raw-routes.ts`; the server
 * matches method and exact path before tRPC and REST. A raw route that is a
 * documented path carries its OpenAPI operation, merged into /openapi.json.
 * Handlers may throw AppError: the server answers it as the usual JSON error.
 */
export interface RawRoute {
  method: 'GET' | 'POST' | 'HEAD';
  path: string;
  handle(req: IncomingMessage, res: ServerResponse, deps: Deps): Promise<void> | void;
  openapi?: Record<string, unknown>;
}

export function findRawRoute(routes: readonly RawRoute[], method: string | undefined, pathname: string): RawRoute | undefined {
  return routes.find((r) => r.method === method && r.path === pathname);
}
