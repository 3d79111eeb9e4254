import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';
import type { AppRouter } from './types.js';

/** A token, or a function asked before every request (so a login or logout takes effect at once). */
export type TokenSource = string | null | undefined | (() => string | null | undefined);

export interface CartlyClientOptions {
  /** Base URL of the Cartly API, e.g. `https://api.cartly.example` (tRPC is served at `/trpc` below it). */
  apiUrl: string;
  /** The shop's storefront access token (SAT), sent on every request. */
  storefrontAccessToken: string;
  /** The logged-in customer's access token (CAT), if any. */
  customerAccessToken?: TokenSource;
  /** Calls made in the same tick travel in one HTTP request, up to this many (default 10). */
  maxBatchSize?: number;
  /** A fetch to use instead of the global one (tests, timeouts). */
  fetch?: typeof globalThis.fetch;
}

export type CartlyClient = TRPCClient<AppRouter>;

const SAT_HEADER = 'X-Shopify-Storefront-Access-Token';

function read(source: TokenSource): string | undefined {
  const value = typeof source === 'function' ? source() : source;
  return value || undefined;
}

/** Builds the typed headers of one request: the SAT always, the CAT when there is one. */
export function cartlyHeaders(opts: Pick<CartlyClientOptions, 'storefrontAccessToken' | 'customerAccessToken'>): Record<string, string> {
  const cat = read(opts.customerAccessToken);
  return { [SAT_HEADER]: opts.storefrontAccessToken, ...(cat ? { Authorization: `Bearer ${cat}` } : {}) };
}

/**
 * The typed client of the Cartly API. Every procedure is typed by the API's
 * router: `client.account.profile.get.query()`. Calls made together are batched
 * into one HTTP request.
 */
export function createCartlyClient(opts: CartlyClientOptions): CartlyClient {
  if (!opts.apiUrl) throw new TypeError('createCartlyClient: apiUrl is required');
  if (!opts.storefrontAccessToken) throw new TypeError('createCartlyClient: storefrontAccessToken is required');
  const base = opts.apiUrl.replace(/\/+$/, '');
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${base}/trpc`,
        maxItems: opts.maxBatchSize ?? 10,
        // GET URLs of big batches can pass proxy limits; tRPC then splits the batch.
        maxURLLength: 4000,
        headers: () => cartlyHeaders(opts),
        ...(opts.fetch ? { fetch: opts.fetch } : {}),
      }),
    ],
  });
}
