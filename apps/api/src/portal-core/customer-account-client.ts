/*
 * The port to a shop's external customer-account provider (OAuth 2.0 / OIDC
 * plus its GraphQL API). The real adapter is openid-customer-account-client.ts;
 * tests run it against a real oidc-provider on loopback.
 */

export interface ProviderSettings {
  issuer: string;
  clientId: string;
  /** Null for a public client (PKCE only). */
  clientSecret: string | null;
}

export interface ProviderTokens {
  accessToken: string;
  refreshToken: string | null;
  idToken: string | null;
  /** When the access token expires (from `expires_in`; 1 hour when the provider gives none). */
  expiresAt: Date;
  scope: string | null;
  /** The ID token's `sub`; null on a refresh without a new ID token. */
  subject: string | null;
}

export interface GraphqlRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

export interface CustomerAccountClient {
  /** Fetches discovery and checks the provider offers the code flow with PKCE S256. */
  check(settings: ProviderSettings): Promise<void>;
  authorizationUrl(settings: ProviderSettings, params: {
    redirectUri: string; scope: string; state: string; nonce: string; codeChallenge: string;
  }): Promise<URL>;
  /** Exchanges the code; validates the ID token (signature, iss, aud, exp, nonce). */
  exchangeCode(settings: ProviderSettings, params: {
    callbackUrl: URL; codeVerifier: string; expectedState: string; expectedNonce: string;
  }): Promise<ProviderTokens & { subject: string }>;
  refresh(settings: ProviderSettings, refreshToken: string): Promise<ProviderTokens>;
  /** The RP-initiated logout URL, or null when the provider does not support it. */
  endSessionUrl(settings: ProviderSettings, params: { idTokenHint: string | null; postLogoutRedirectUri: string }): Promise<URL | null>;
  /** POSTs a GraphQL request with the access token; the provider's JSON answer. */
  graphql(url: string, accessToken: string, request: GraphqlRequest): Promise<{ data?: unknown; errors?: unknown[] }>;
}

/** The provider refused a grant (revoked or expired refresh token, bad code): the customer must log in again. */
export class ProviderGrantRefused extends Error {
  constructor(readonly oauthError: string) {
    super(`provider refused the grant (${oauthError})`);
    this.name = 'ProviderGrantRefused';
  }
}

/** The provider refused the access token at its API (HTTP 401). */
export class ProviderTokenRejected extends Error {
  constructor() {
    super('provider rejected the access token');
    this.name = 'ProviderTokenRejected';
  }
}

/** Unreachable, timed out, or an answer we cannot use; the message names no secret. */
export class ProviderUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ProviderUnavailable';
  }
}

/** Discovery works, but the provider lacks something this client needs. */
export class ProviderUnsuitable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProviderUnsuitable';
  }
}
