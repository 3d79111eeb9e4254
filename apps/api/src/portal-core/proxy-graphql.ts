import { AppError } from '../errors.js';
import { ProviderTokenRejected, ProviderUnavailable, type GraphqlRequest } from './customer-account-client.js';
import { loadAccountApiProvider } from './account-api-provider.js';
import { freshAccessToken, type TokenDeps } from './account-api-tokens.js';

/** Forwards one GraphQL request with the customer's (fresh) token; the provider's answer as is. */
export async function proxyGraphql(deps: TokenDeps, where: { shopId: string; customerId: string }, request: GraphqlRequest) {
  const provider = await loadAccountApiProvider(deps.em, deps.box, where.shopId);
  if (!provider) throw new AppError('UNAUTHENTICATED', 'customer account not connected: this shop has no Customer Account API provider');
  const token = await freshAccessToken(deps, provider.settings, where);
  try {
    return await deps.client.graphql(provider.row.graphqlUrl, token, request);
  } catch (e) {
    if (e instanceof ProviderTokenRejected) throw new AppError('UNAUTHENTICATED', 'the provider refused the stored token; start the login again');
    if (e instanceof ProviderUnavailable) throw new AppError('UPSTREAM_FAILED', `the customer account provider failed: ${e.message}`, { cause: e });
    throw e;
  }
}
