import { router } from '../trpc.js';
import { initiateAccountApi } from './initiate-account-api.js';
import { getAccountApiStatus } from './get-account-api-status.js';
import { proxyAccountApiGraphql } from './proxy-account-api-graphql.js';
import { adminGetAccountApiProvider } from './admin-get-account-api-provider.js';
import { adminPutAccountApiProvider } from './admin-put-account-api-provider.js';

/**
 * `portalCore.accountApi.*`: the Customer Account API OAuth client. The
 * callback and logout answer redirects, so they are raw routes
 * (account-api-raw-routes.ts), not procedures.
 */
export const accountApiRouter = router({
  initiate: initiateAccountApi,
  status: getAccountApiStatus,
  graphql: proxyAccountApiGraphql,
  adminGetProvider: adminGetAccountApiProvider,
  adminPutProvider: adminPutAccountApiProvider,
});
