import { createCartlyClient, type CartlyClient } from '@cartly/client';

/** The one client every screen's API module receives; nothing else in the widget talks to the network. */
export type Api = CartlyClient;

export function createApi(opts: { apiUrl: string; storefrontAccessToken: string; customerAccessToken: () => string | undefined }): Api {
  return createCartlyClient(opts);
}
