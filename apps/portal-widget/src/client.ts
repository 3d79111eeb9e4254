import { createTRPCClient, httpBatchLink } from '@trpc/client';
// Types only: the widget bundle never contains server code (STYLE 7).
import type { AppRouter } from '@cartly/api/router';

export interface PortalClientOptions {
  /** Base URL of the Cartly API, e.g. https://api.cartly.example. */
  apiUrl: string;
  /** The shop's storefront access token. */
  storefrontAccessToken: string;
  /** Returns the logged-in customer's access token, if any. */
  customerAccessToken?: () => string | undefined;
}

/** The API refuses a tRPC batch of more calls (MAX_BATCH_SIZE in apps/api/src/http/server.ts); the link splits at it. */
export const MAX_BATCH_ITEMS = 10;

/** The typed client every widget view talks through. */
export function createPortalClient(opts: PortalClientOptions) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${opts.apiUrl.replace(/\/$/, '')}/trpc`,
        maxItems: MAX_BATCH_ITEMS,
        headers() {
          const cat = opts.customerAccessToken?.();
          return {
            'X-Shopify-Storefront-Access-Token': opts.storefrontAccessToken,
            ...(cat ? { Authorization: `Bearer ${cat}` } : {}),
          };
        },
      }),
    ],
  });
}
export type PortalClient = ReturnType<typeof createPortalClient>;
