import { AUTH_KINDS, type RouteAuth, type RouteMeta, type SecurityScheme } from '@cartly/contracts';
import type { AnyRouter } from '@trpc/server';

/**
 * Which routes a shopper's browser may call from a storefront page: those whose
 * credential is a storefront or customer token (read from AUTH_KINDS, so a new
 * kind is classified where it is declared). Admin and app routes are
 * server-to-server and never answer CORS; so are public routes (their pages
 * are served by the API itself).
 */
const BROWSER_SCHEMES: ReadonlySet<SecurityScheme> = new Set(['StorefrontAccessToken', 'CustomerAccessToken']);
const BROWSER_AUTH: ReadonlySet<RouteAuth> = new Set(
  (Object.keys(AUTH_KINDS) as RouteAuth[]).filter((kind) =>
    AUTH_KINDS[kind].security.some((schemes) => schemes.length > 0 && schemes.every((s) => BROWSER_SCHEMES.has(s))),
  ),
);

interface RestRoute {
  method: string;
  pattern: RegExp;
}

/** Both faces of the router's browser-facing procedures: tRPC names, and REST method + path. */
export function browserRoutes(router: AnyRouter): (method: string, pathname: string) => boolean {
  const procedures = router._def.procedures as Record<string, { _def: { meta?: RouteMeta } }>;
  const names = new Set<string>();
  const rest: RestRoute[] = [];
  for (const [name, procedure] of Object.entries(procedures)) {
    const meta = procedure._def.meta;
    if (!meta || !BROWSER_AUTH.has(meta.auth)) continue;
    names.add(name);
    if (meta.openapi) {
      // `/customer/returns/{id}` → /^\/customer\/returns\/[^/]+\/?$/
      const source = meta.openapi.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
      rest.push({ method: meta.openapi.method, pattern: new RegExp(`^${source}/?$`) });
    }
  }
  return (method, pathname) => {
    if (pathname.startsWith('/trpc/')) {
      // A batch is browser-facing only if every procedure in it is.
      let called: string[];
      try {
        called = decodeURIComponent(pathname.slice('/trpc/'.length)).split(',');
      } catch {
        return false; // malformed escapes: tRPC answers it, without CORS
      }
      return called.every((n) => names.has(n));
    }
    return rest.some((r) => r.method === method && r.pattern.test(pathname));
  };
}
