import * as oidc from 'openid-client';
import { OidcDiscoveryFailed, oidcConfigurations, type OidcConfigurationsOptions } from '../adapters/oidc/configurations.js';
import { IdpLoginRejected, IdpUnavailable, type IdpClient, type IdpSettings, type IdTokenClaims } from './idp-client.js';

/** Network failures and timeouts, as fetch and AbortSignal.timeout raise them. */
function isTransportFailure(e: unknown): boolean {
  for (let c: unknown = e, depth = 0; c instanceof Error && depth < 5; c = c.cause, depth++) {
    if (c.name === 'TimeoutError' || c.name === 'AbortError' || (c.name === 'TypeError' && /fetch failed/i.test(c.message))) return true;
    if (c instanceof oidc.ResponseBodyError && c.status >= 500) return true;
    if (c instanceof oidc.WWWAuthenticateChallengeError && c.status >= 500) return true;
  }
  return false;
}

/** The adapter on openid-client 6, over the shared discovery piece (cache, timeout, signature checks). */
export function openidIdpClient(opts: OidcConfigurationsOptions): IdpClient {
  const configs = oidcConfigurations(opts);

  const configFor = (s: IdpSettings) =>
    configs.configFor(s).catch((e: unknown) => {
      throw new IdpUnavailable(e instanceof OidcDiscoveryFailed && isTransportFailure(e) ? 'discovery timed out or unreachable' : 'discovery failed', { cause: e });
    });

  return {
    async authorizationUrl(s, p) {
      const config = await configFor(s);
      return oidc.buildAuthorizationUrl(config, {
        redirect_uri: p.redirectUri,
        scope: 'openid email profile',
        state: p.state,
        nonce: p.nonce,
        code_challenge: p.codeChallenge,
        code_challenge_method: 'S256',
        response_type: 'code',
        ...p.extra,
      });
    },
    async exchangeCode(s, p) {
      const config = await configFor(s);
      let response;
      try {
        response = await oidc.authorizationCodeGrant(config, p.callbackUrl, {
          pkceCodeVerifier: p.codeVerifier,
          expectedState: p.expectedState,
          expectedNonce: p.expectedNonce,
          idTokenExpected: true,
        });
      } catch (e) {
        if (isTransportFailure(e)) throw new IdpUnavailable('token request timed out or failed', { cause: e });
        throw new IdpLoginRejected(`login refused (${e instanceof Error ? ((e as { code?: string }).code ?? e.name) : 'error'})`, { cause: e });
      }
      const claims = response.claims();
      if (!claims?.sub || !claims.iss) throw new IdpLoginRejected('the ID token has no subject');
      return { claims: claims as unknown as IdTokenClaims, discoveredIssuer: config.serverMetadata().issuer };
    },
  };
}
