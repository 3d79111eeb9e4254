import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EntityManager } from '@cartly/db';
import { header } from './headers.js';

/*
 * CORS for the routes a storefront page calls from the shopper's browser (the
 * portal widget runs on the merchant's origin, not the API's). Only routes the
 * policy calls browser-facing ever carry CORS headers, and only for an origin
 * the policy allows: a preflight (which carries no credentials) for an origin
 * some tenant lists, an actual request for an origin the tenant named by its
 * credentials lists. No cookies are involved, so credentials mode stays off.
 */

export interface CorsPolicy {
  /** Whether a browser on another origin may call this route at all. */
  browserFacing(method: string, pathname: string): boolean;
  /** Preflight: whether any tenant lists this origin. */
  originKnown(origin: string): Promise<boolean>;
  /** Actual request: whether the tenant its credentials name lists this origin. */
  originAllowed(req: IncomingMessage, origin: string): Promise<boolean>;
}

/** The tenants' lists of origins, read through a request's own EntityManager (app.ts hands the shops' lists). */
export interface CorsOrigins {
  /** Whether any tenant lists this origin. */
  known(em: EntityManager, origin: string): Promise<boolean>;
  /** Whether the tenant the request's credentials name lists this origin. */
  allowed(em: EntityManager, req: IncomingMessage, origin: string): Promise<boolean>;
}

const ALLOWED_HEADERS = ['authorization', 'content-type', 'x-shopify-storefront-access-token', 'x-cartly-storefront-access-token', 'trpc-accept'];
const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE';

/** `https://Shop.Example:443/` → `https://shop.example`; anything that is not an http(s) origin → null. */
export function normaliseOrigin(value: string | undefined): string | null {
  if (!value || value === 'null' || value.length > 300) return null;
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

export function createCorsGate(policy: CorsPolicy) {
  return {
    /** Answers an OPTIONS preflight of a browser-facing route; false when the request is not one. */
    async preflight(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> {
      const requested = header(req, 'access-control-request-method')?.toUpperCase();
      if (req.method !== 'OPTIONS' || !requested || !policy.browserFacing(requested, pathname)) return false;
      const origin = normaliseOrigin(header(req, 'origin'));
      const headers: Record<string, string> = { vary: 'Origin', 'content-length': '0' };
      if (origin && (await policy.originKnown(origin))) {
        const asked = (header(req, 'access-control-request-headers') ?? '')
          .split(',')
          .map((h) => h.trim().toLowerCase())
          .filter((h) => ALLOWED_HEADERS.includes(h));
        Object.assign(headers, {
          'access-control-allow-origin': origin,
          'access-control-allow-methods': ALLOWED_METHODS,
          'access-control-allow-headers': asked.join(', ') || 'content-type',
          'access-control-max-age': '600',
        });
      }
      res.writeHead(204, headers);
      res.end();
      return true;
    },

    /** Adds CORS headers to the answer of an actual cross-origin request the policy allows. */
    async decorate(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
      const raw = header(req, 'origin');
      if (!raw || !policy.browserFacing(req.method ?? 'GET', pathname)) return;
      res.setHeader('vary', 'Origin');
      const origin = normaliseOrigin(raw);
      if (origin && (await policy.originAllowed(req, origin))) {
        res.setHeader('access-control-allow-origin', origin);
        res.setHeader('access-control-expose-headers', 'Retry-After');
      }
    },
  };
}
