import { createHash, randomBytes } from 'node:crypto';
import * as oidc from 'openid-client';
import { SsoLogin, uuidv7, type EntityManager } from '@cartly/db';
import type { CustomerAccessTokenResult } from '@cartly/contracts/passwordless';
import type { SsoErrorCode } from '@cartly/contracts/sso';
import { AppError } from '../errors.js';
import { allowedRedirect } from '../passwordless/redirects.js';
import { currentShop } from '../shops/current-shop.js';
import type { SsoDeps } from './deps.js';
import { IdpLoginRejected, IdpUnavailable } from './idp-client.js';
import { checkIdTokenClaims } from './id-token-rules.js';
import { domainsOf, enabledSso, idpSettings, ssoRedirectUri } from './sso-configs.js';
import { sealedFor } from './sealed.js';
import { linkSsoCustomer } from './link-customer.js';

/** A login must come back within 10 minutes, and each `state` works once. */
export const SSO_LOGIN_TTL_MS = 10 * 60_000;

export interface SsoLoginDeps {
  em: EntityManager;
  deps: SsoDeps;
  publicBaseUrl: string;
}

const hashState = (state: string) => createHash('sha256').update(state).digest('hex');

const providerUnavailable = (name: string, provider: string, cause: unknown) =>
  new AppError('UPSTREAM_FAILED', `the identity provider of ${name} (${provider}) did not answer in time or failed; try again later`, { cause });

/** Starts the code flow with PKCE S256 at the company's IdP; state, nonce and verifier stay server-side. */
export async function startSsoLogin(d: SsoLoginDeps, where: { shopId: string; companyId: string; redirectUri: string }) {
  const shop = await currentShop(d.em, where.shopId);
  const redirectUri = allowedRedirect(where.redirectUri, shop.settings.redirectAllowList);
  if (!redirectUri) throw new AppError('VALIDATION_FAILED', 'redirect_uri: is not on the shop\'s redirect allow-list');
  const sso = await enabledSso(d.em, where.shopId, where.companyId);
  if (!sso) throw new AppError('NOT_FOUND', 'company_id: no company of this shop with SSO enabled');

  const state = randomBytes(32).toString('base64url');
  const nonce = randomBytes(32).toString('base64url');
  const verifier = oidc.randomPKCECodeVerifier();
  const id = uuidv7();
  const domains = sso.row.provider === 'google' ? await domainsOf(d.em, where.shopId, sso.row.id) : [];
  let url: URL;
  try {
    url = await d.deps.idp.authorizationUrl(idpSettings(sso.row, d.deps.secretBox), {
      redirectUri: ssoRedirectUri(d.publicBaseUrl),
      state,
      nonce,
      codeChallenge: await oidc.calculatePKCECodeChallenge(verifier),
      // Google's account chooser hint (the `hd` claim is what is checked, id-token-rules.ts).
      ...(sso.row.provider === 'google' ? { extra: { hd: domains.length === 1 ? domains[0]! : '*' } } : {}),
    });
  } catch (e) {
    if (e instanceof IdpUnavailable) throw providerUnavailable(sso.company.name, sso.row.provider, e);
    throw e;
  }
  // Expired logins of the shop go as new ones come, so the table holds at most ten minutes of them.
  await d.em.nativeDelete(SsoLogin, { shop: where.shopId, expiresAt: { $lt: new Date() } });
  const expiresAt = new Date(Date.now() + SSO_LOGIN_TTL_MS);
  d.em.create(SsoLogin, {
    id,
    shop: where.shopId,
    company: where.companyId,
    stateHash: hashState(state),
    issuer: sso.row.issuer,
    nonceSealed: d.deps.secretBox.seal(nonce, sealedFor.nonce(where.shopId, where.companyId, id)),
    codeVerifierSealed: d.deps.secretBox.seal(verifier, sealedFor.codeVerifier(where.shopId, where.companyId, id)),
    redirectUri,
    expiresAt,
  });
  await d.em.flush();
  return { authorizationUrl: url.toString(), expiresAt };
}

export type SsoCallbackResult =
  | { ok: true; redirectUri: string; token: CustomerAccessTokenResult }
  | { ok: false; redirectUri: string; code: SsoErrorCode; description: string };

interface ISsoLoginRow {
  id: string;
  shop_id: string;
  company_id: string;
  issuer: string;
  nonce_sealed: string;
  code_verifier_sealed: string;
  redirect_uri: string;
  expires_at: Date | string;
}

const OAUTH_ERROR = /^[a-z_]{1,64}$/;

/**
 * The IdP's redirect back. The login row is deleted with DELETE … RETURNING
 * before anything else, so of two callbacks with one state exactly one gets
 * it, and it is single-use even when what follows fails. An unknown, reused
 * or expired state stops here with 400, before any request to the IdP
 * (there is no trusted redirect_uri to send the browser to).
 */
export async function completeSsoLogin(d: SsoLoginDeps, query: URLSearchParams, catTtlHours: number): Promise<SsoCallbackResult> {
  const state = query.get('state');
  if (!state || state.length > 200) throw new AppError('VALIDATION_FAILED', 'state: missing or malformed; start the login again');
  const [login] = await d.em.execute<ISsoLoginRow[]>(
    `delete from sso_login where state_hash = ?
     returning id, shop_id, company_id, issuer, nonce_sealed, code_verifier_sealed, redirect_uri, expires_at`,
    [hashState(state)],
  );
  if (!login) throw new AppError('VALIDATION_FAILED', 'state: unknown or already used; start the login again');
  if (new Date(login.expires_at).getTime() <= Date.now()) throw new AppError('VALIDATION_FAILED', 'state: expired; start the login again');
  const fail = (code: SsoErrorCode, description: string): SsoCallbackResult => ({ ok: false, redirectUri: login.redirect_uri, code, description });

  const idpError = query.get('error');
  if (idpError) {
    const code = idpError === 'access_denied' ? 'access_denied' : 'authorization_failed';
    return fail(code, OAUTH_ERROR.test(idpError) ? `The identity provider answered ${idpError}.` : 'The identity provider refused the login.');
  }
  const sso = await enabledSso(d.em, login.shop_id, login.company_id);
  // The configuration changed (or SSO was turned off) since this login started: it may not finish against another IdP.
  if (!sso || sso.row.issuer !== login.issuer) return fail('sso_not_available', 'SSO for this company is not available any more.');

  const callbackUrl = new URL(ssoRedirectUri(d.publicBaseUrl));
  callbackUrl.search = query.toString();
  let exchanged;
  try {
    exchanged = await d.deps.idp.exchangeCode(idpSettings(sso.row, d.deps.secretBox), {
      callbackUrl,
      codeVerifier: d.deps.secretBox.open(login.code_verifier_sealed, sealedFor.codeVerifier(login.shop_id, login.company_id, login.id)),
      expectedState: state,
      expectedNonce: d.deps.secretBox.open(login.nonce_sealed, sealedFor.nonce(login.shop_id, login.company_id, login.id)),
    });
  } catch (e) {
    if (e instanceof IdpUnavailable) throw providerUnavailable(sso.company.name, sso.row.provider, e);
    if (e instanceof IdpLoginRejected) {
      // Name only the kind: IdP messages may echo codes or tokens.
      console.warn(`[api] sso login refused for shop ${login.shop_id} company ${login.company_id}: ${e.message}`);
      return fail('token_exchange_failed', 'The login could not be completed with the identity provider.');
    }
    throw e;
  }
  const domains = await domainsOf(d.em, login.shop_id, sso.row.id);
  const verdict = checkIdTokenClaims(sso.row.provider, exchanged.discoveredIssuer, domains, exchanged.claims);
  if (!verdict.ok) return fail(verdict.code, verdict.description);

  const linked = await linkSsoCustomer(d.em, {
    shopId: login.shop_id,
    sso: sso.row,
    domains,
    claims: { iss: exchanged.claims.iss, sub: exchanged.claims.sub, email: exchanged.claims.email as string },
    catTtlHours,
  });
  if (!linked.ok) return fail(linked.code, linked.description);
  return { ok: true, redirectUri: login.redirect_uri, token: linked.token };
}
