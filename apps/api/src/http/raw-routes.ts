import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppDeps } from '../context.js';

/**
 * A route that does not answer JSON through tRPC (an HTML page, a redirect,
 * `text/css`). Each domain lists its own in `<domain>/raw-routes.ts`; the
 * server mounts them before tRPC and REST, so the frame names no domain.
 * A raw route that is a documented path carries its OpenAPI operation, which
 * the document merges in (openapi/document.ts).
 */
export interface RawRoute {
  /** GET routes answer HEAD too. */
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** An exact path. */
  path: `/${string}`;
  handle(req: IncomingMessage, res: ServerResponse, app: AppDeps): Promise<void> | void;
  /** The OpenAPI operation object of a documented path. */
  openapi?: Record<string, unknown>;
}

/** The raw route for a request, if any. */
export function findRawRoute(routes: readonly RawRoute[], method: string | undefined, pathname: string): RawRoute | undefined {
  const m = method === 'HEAD' ? 'GET' : method;
  return routes.find((r) => r.method === m && r.path === pathname);
}
