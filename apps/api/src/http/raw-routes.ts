import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Deps } from '../context.js';

/**
 * A route served outside tRPC/REST: a non-JSON answer, a redirect, or a
 * conditional GET (ETag/304). Its documented path still comes from a contract
 * (a tRPC procedure of the same path), so it appears in openapi.json.
 * `path` may hold `{param}` segments; the handler reads them from req.url.
 */
export interface RawRoute {
  method: 'GET' | 'POST' | 'HEAD';
  path: string;
  handle(req: IncomingMessage, res: ServerResponse, deps: Deps): Promise<void> | void;
}

function matches(pattern: string, pathname: string): boolean {
  const want = pattern.split('/');
  const got = pathname.split('/');
  return want.length === got.length && want.every((seg, i) => (/^\{\w+\}$/.test(seg) ? got[i] !== '' : seg === got[i]));
}

export function matchRawRoute(routes: RawRoute[], method: string | undefined, pathname: string): RawRoute | undefined {
  return routes.find((r) => r.method === method && matches(r.path, pathname));
}
