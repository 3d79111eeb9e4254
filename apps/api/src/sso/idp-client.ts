/*
 * The port to a company's identity provider. The real adapter is
 * openid-idp-client.ts (openid-client 6); tests run it against real
 * oidc-provider instances on loopback.
 */

export interface IdpSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** The validated ID token's claims (signature, iss, aud, exp, iat, nonce already checked). */
export interface IdTokenClaims {
  iss: string;
  sub: string;
  [claim: string]: unknown;
}

export interface IdpClient {
  /** Discovery (cached), then the authorization URL of the code flow with PKCE S256. */
  authorizationUrl(settings: IdpSettings, params: {
    redirectUri: string; state: string; nonce: string; codeChallenge: string; extra?: Record<string, string>;
  }): Promise<URL>;
  /**
   * Exchanges the code; the ID token is validated before its claims are returned, with the issuer
   * of the discovery document (for Entra ID multi-tenant, the `{tenantid}` template).
   */
  exchangeCode(settings: IdpSettings, params: {
    callbackUrl: URL; codeVerifier: string; expectedState: string; expectedNonce: string;
  }): Promise<{ claims: IdTokenClaims; discoveredIssuer: string }>;
}

/** The IdP cannot be reached, timed out, or failed (5xx): answered 502 naming the provider. */
export class IdpUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'IdpUnavailable';
  }
}

/** The IdP answered, but the login is refused: bad code, invalid ID token (signature, issuer, nonce...). */
export class IdpLoginRejected extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'IdpLoginRejected';
  }
}
