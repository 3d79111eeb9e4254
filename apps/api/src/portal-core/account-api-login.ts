import { createHash, randomBytes } from 'node:crypto';
import * as oidc from 'openid-client';
import { AccountApiAuthorization, AccountApiToken, LockMode, Shop, uuidv7, type EntityManager } from '@cartly/db';
import { allowedRedirect } from '../passwordless/redirects.js';
import type { SecretBox } from '../lib/secret-box.js';
import { AppError } from '../errors.js';
import { ProviderUnavailable, type CustomerAccountClient } from './customer-account-client.js';
import { accountApiRedirectUri, loadAccountApiProvider, sealedFor } from './account-api-provider.js';
import { storeTokens } from './account-api-tokens.js';

/** A login must come back within 10 minutes, and each `state` works once. */
export const AUTHORIZATION_TTL_MS = 10 * 60_000;
/** Pending logins kept per customer; older ones are dropped so the table cannot be flooded. */
const MAX_PENDING_PER_CUSTOMER = 5;

export interface LoginDeps {
  em: EntityManager;
  box: SecretBox;
  client: CustomerAccountClient;
  publicBaseUrl: string;
}

const hashState = (state: string) => createHash('sha256').update(state).digest('hex');

/** Starts the authorization code flow with PKCE S256; state, nonce and verifier stay server-side. */
export async function startAccountApiLogin(deps: LoginDeps, where: { shopId: string; customerId: string }, returnUrl: string) {
  const provider = await loadAccountApiProvider(deps.em, deps.box, where.shopId);
  if (!provider) throw new AppError('NOT_FOUND', 'this shop has no Customer Account API provider');
  const shop = await deps.em.findOneOrFail(Shop, { id: where.shopId });
  const allowed = allowedRedirect(returnUrl, shop.settings.redirectAllowList);
  if (!allowed) throw new AppError('VALIDATION_FAILED', 'return_url: is not on the shop\'s redirect allow-list');

  const state = randomBytes(32).toString('base64url');
  const nonce = randomBytes(32).toString('base64url');
  const verifier = oidc.randomPKCECodeVerifier();
  const id = uuidv7();
  const expiresAt = new Date(Date.now() + AUTHORIZATION_TTL_MS);
  let url: URL;
  try {
    url = await deps.client.authorizationUrl(provider.settings, {
      redirectUri: accountApiRedirectUri(deps.publicBaseUrl),
      scope: provider.row.scopes,
      state,
      nonce,
      codeChallenge: await oidc.calculatePKCECodeChallenge(verifier),
    });
  } catch (e) {
    if (e instanceof ProviderUnavailable) throw new AppError('UPSTREAM_FAILED', 'the customer account provider cannot be reached', { cause: e });
    throw e;
  }
  const pending = await deps.em.find(AccountApiAuthorization, { shop: where.shopId, customer: where.customerId }, { orderBy: { createdAt: 'desc' }, fields: ['id'] });
  const stale = pending.slice(MAX_PENDING_PER_CUSTOMER - 1).map((a) => a.id);
  if (stale.length) await deps.em.nativeDelete(AccountApiAuthorization, { shop: where.shopId, id: { $in: stale } });
  deps.em.create(AccountApiAuthorization, {
    id,
    shop: where.shopId,
    customer: where.customerId,
    stateHash: hashState(state),
    codeVerifierSealed: deps.box.seal(verifier, sealedFor.codeVerifier(where.shopId, id)),
    nonce,
    returnUrl: allowed,
    expiresAt,
  });
  await deps.em.flush();
  return { authorizationUrl: url.toString(), expiresAt };
}

/** Where the callback sends the browser, with `?error=` when the login did not complete. */
function withError(returnUrl: string, error: string): string {
  const u = new URL(returnUrl);
  u.searchParams.set('error', error);
  return u.toString();
}

/**
 * The provider's redirect back. The state is consumed (deleted) first, in its
 * own statement, so it is single-use even if what follows fails; an unknown,
 * reused or expired state stops here, before any request to the provider.
 * Answers the URL to redirect to, or throws 400 when there is nowhere safe to
 * send the browser (no valid state means no trusted return_url).
 */
export async function completeAccountApiLogin(deps: LoginDeps, query: URLSearchParams): Promise<string> {
  const state = query.get('state');
  if (!state || state.length > 200) throw new AppError('VALIDATION_FAILED', 'state: missing or malformed');
  const rows = await deps.em.getConnection().execute<IAccountApiAuthorizationRow[]>(
    'delete from "account_api_authorization" where "state_hash" = ? returning "id", "shop_id", "customer_id", "code_verifier_sealed", "nonce", "return_url", "expires_at"',
    [hashState(state)],
  );
  const auth = rows[0];
  if (!auth) throw new AppError('VALIDATION_FAILED', 'state: unknown or already used; start the login again');
  if (new Date(auth.expires_at).getTime() <= Date.now()) return withError(auth.return_url, 'login_expired');

  const providerError = query.get('error');
  if (providerError) return withError(auth.return_url, /^[a-z_]{1,64}$/.test(providerError) ? providerError : 'authorization_failed');
  const provider = await loadAccountApiProvider(deps.em, deps.box, auth.shop_id);
  if (!provider) return withError(auth.return_url, 'provider_not_configured');

  const where = { shopId: auth.shop_id, customerId: auth.customer_id };
  const callbackUrl = new URL(accountApiRedirectUri(deps.publicBaseUrl));
  callbackUrl.search = query.toString();
  let tokens;
  try {
    tokens = await deps.client.exchangeCode(provider.settings, {
      callbackUrl,
      codeVerifier: deps.box.open(auth.code_verifier_sealed, sealedFor.codeVerifier(auth.shop_id, auth.id)),
      expectedState: state,
      expectedNonce: auth.nonce,
    });
  } catch (e) {
    // Name only the kind: provider messages may echo codes or tokens.
    console.warn(`[api] customer account login failed for shop ${auth.shop_id}: ${e instanceof Error ? e.name : 'error'}`);
    return withError(auth.return_url, 'token_exchange_failed');
  }
  await deps.em.transactional(async (tx) => {
    const existing = await tx.findOne(AccountApiToken, { shop: where.shopId, customer: where.customerId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    storeTokens(tx, deps.box, where, tokens, existing);
    await tx.flush();
  });
  return auth.return_url;
}

interface IAccountApiAuthorizationRow {
  id: string;
  shop_id: string;
  customer_id: string;
  code_verifier_sealed: string;
  nonce: string;
  return_url: string;
  expires_at: Date | string;
}
