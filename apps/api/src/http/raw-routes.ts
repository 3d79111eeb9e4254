import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppDeps } from '../context.js';

/** Path parameters of a raw route, by the names of its `{param}` segments. */
export type RawRouteParams = Readonly<Record<string, string>>;

/**
 * A route that does not answer JSON through tRPC (an HTML page, a redirect,
 * `text/css`, a conditional GET). Each domain lists its own in
 * `<domain>/raw-routes.ts`; the server mounts them before tRPC and REST, so
 * the frame names no domain.
 * A raw route that is a documented path carries its OpenAPI operation, which
 * the document merges in (openapi/document.ts).
 */
export interface RawRoute {
  /** GET routes answer HEAD too. */
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** A path whose `{param}` segments match one non-empty segment each (`/shops/{id}/css`). */
  path: `/${string}`;
  handle(req: IncomingMessage, res: ServerResponse, app: AppDeps, params: RawRouteParams): Promise<void> | void;
  /** The OpenAPI operation object of a documented path. */
  openapi?: Record<string, unknown>;
}

export interface RawRouteMatch {
  route: RawRoute;
  params: RawRouteParams;
}

const PARAM = /^\{(\w+)\}$/;

/** A malformed %-escape is handed over as sent, for the route's own validation to refuse. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** A pattern's segments, each a literal or (when `param` is set) a parameter's name. */
type Segment = { literal: string; param?: string };

/** Each route's pattern parsed once (routes are module constants), not on every request. */
const segmentsOf = new WeakMap<RawRoute, readonly Segment[]>();

function parsed(route: RawRoute): readonly Segment[] {
  let segments = segmentsOf.get(route);
  if (!segments) {
    segments = route.path.split('/').map((literal) => ({ literal, param: PARAM.exec(literal)?.[1] }));
    segmentsOf.set(route, segments);
  }
  return segments;
}

function paramsOf(route: RawRoute, got: readonly string[]): Record<string, string> | undefined {
  const want = parsed(route);
  if (want.length !== got.length) return undefined;
  for (let i = 0; i < want.length; i++) if (want[i]!.param === undefined && want[i]!.literal !== got[i]) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const name = want[i]!.param;
    if (name === undefined) continue;
    if (got[i] === '') return undefined;
    params[name] = decoded(got[i]!);
  }
  return params;
}

/** Each route list's routes by method and segment count, in their order: a request tries only those that can match. */
const indexes = new WeakMap<readonly RawRoute[], Map<string, RawRoute[]>>();

function candidates(routes: readonly RawRoute[], method: string | undefined, segments: number): readonly RawRoute[] {
  let index = indexes.get(routes);
  if (!index) {
    index = new Map();
    for (const route of routes) {
      const key = `${route.method} ${parsed(route).length}`;
      const bucket = index.get(key);
      if (bucket) bucket.push(route);
      else index.set(key, [route]);
    }
    indexes.set(routes, index);
  }
  return index.get(`${method} ${segments}`) ?? [];
}

/** The raw route for a request and its path parameters, if any. */
export function findRawRoute(routes: readonly RawRoute[], method: string | undefined, pathname: string): RawRouteMatch | undefined {
  const got = pathname.split('/');
  for (const route of candidates(routes, method === 'HEAD' ? 'GET' : method, got.length)) {
    const params = paramsOf(route, got);
    if (params) return { route, params };
  }
  return undefined;
}
