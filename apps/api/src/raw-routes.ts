import type { RawRoute } from './http/raw-routes.js';
import { accountApiRawRoutes } from './portal-core/account-api-raw-routes.js';

/** Every domain's non-JSON routes (redirects, stylesheets), matched before tRPC and REST; like router.ts, only composes. */
export const rawRoutes: readonly RawRoute[] = [...accountApiRawRoutes];
