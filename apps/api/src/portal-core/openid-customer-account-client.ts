import * as oidc from 'openid-client';
import { oidcConfigurations } from '../adapters/oidc/configurations.js';
import {
  ProviderGrantRefused, ProviderTokenRejected, ProviderUnavailable, ProviderUnsuitable,
  type CustomerAccountClient, type ProviderSettings, type ProviderTokens,
} from './customer-account-client.js';

export interface OpenidClientOptions {
  /** Plain-http issuers on 127.0.0.1/localhost (tests, a developer's provider); never in production. */
  allowLoopbackHttp: boolean;
  timeoutMs?: number;
  /** How long a discovered configuration is reused. */
  discoveryTtlMs?: number;
  /** Largest GraphQL answer accepted. */
  maxResponseBytes?: number;
}

const GRANT_REFUSALS = new Set(['invalid_grant', 'invalid_client', 'unauthorized_client', 'invalid_token']);

/** The adapter on openid-client 6: discovery cached per issuer + client, every request with a timeout. */
export function openidCustomerAccountClient(opts: OpenidClientOptions): CustomerAccountClient {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const ttl = opts.discoveryTtlMs ?? 10 * 60_000;
  const maxBytes = opts.maxResponseBytes ?? 1024 * 1024;
  const configs = oidcConfigurations({ allowLoopbackHttp: opts.allowLoopbackHttp, timeoutMs, discoveryTtlMs: ttl });

  const configFor = (s: ProviderSettings): Promise<oidc.Configuration> =>
    configs.configFor(s).catch((e: unknown) => {
      throw new ProviderUnavailable('provider discovery failed', { cause: e });
    });

  function tokensOf(r: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers): ProviderTokens {
    return {
      accessToken: r.access_token,
      refreshToken: r.refresh_token ?? null,
      idToken: r.id_token ?? null,
      expiresAt: new Date(Date.now() + (r.expiresIn() ?? 3600) * 1000),
      scope: r.scope ?? null,
      subject: r.claims()?.sub ?? null,
    };
  }

  /** A refusal by the token endpoint means "log in again"; anything else is the provider failing. */
  function classified(e: unknown): Error {
    if (e instanceof oidc.ResponseBodyError && GRANT_REFUSALS.has(e.error)) return new ProviderGrantRefused(e.error);
    if (e instanceof ProviderUnavailable) return e;
    return new ProviderUnavailable(`provider token request failed (${e instanceof Error ? e.name : 'error'})`, { cause: e });
  }

  return {
    async check(s) {
      const meta = (await configFor(s)).serverMetadata();
      if (!meta.authorization_endpoint || !meta.token_endpoint) throw new ProviderUnsuitable('the provider has no authorization or token endpoint');
      if (!(meta.code_challenge_methods_supported ?? []).includes('S256')) throw new ProviderUnsuitable('the provider does not offer PKCE with S256');
    },
    async authorizationUrl(s, p) {
      return oidc.buildAuthorizationUrl(await configFor(s), {
        redirect_uri: p.redirectUri,
        scope: p.scope,
        state: p.state,
        nonce: p.nonce,
        code_challenge: p.codeChallenge,
        code_challenge_method: 'S256',
        response_type: 'code',
      });
    },
    async exchangeCode(s, p) {
      const config = await configFor(s);
      try {
        const r = await oidc.authorizationCodeGrant(config, p.callbackUrl, {
          pkceCodeVerifier: p.codeVerifier,
          expectedState: p.expectedState,
          expectedNonce: p.expectedNonce,
          idTokenExpected: true,
        });
        const tokens = tokensOf(r);
        if (!tokens.subject) throw new ProviderUnavailable('the ID token has no subject');
        return { ...tokens, subject: tokens.subject };
      } catch (e) {
        throw classified(e);
      }
    },
    async refresh(s, refreshToken) {
      const config = await configFor(s);
      try {
        return tokensOf(await oidc.refreshTokenGrant(config, refreshToken));
      } catch (e) {
        throw classified(e);
      }
    },
    async endSessionUrl(s, p) {
      const config = await configFor(s);
      if (!config.serverMetadata().end_session_endpoint) return null;
      return oidc.buildEndSessionUrl(config, {
        post_logout_redirect_uri: p.postLogoutRedirectUri,
        client_id: s.clientId,
        ...(p.idTokenHint ? { id_token_hint: p.idTokenHint } : {}),
      });
    },
    async graphql(url, accessToken, request) {
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ query: request.query, variables: request.variables, operationName: request.operationName }),
          signal: AbortSignal.timeout(timeoutMs),
          redirect: 'error',
        });
      } catch (e) {
        throw new ProviderUnavailable('GraphQL endpoint unreachable', { cause: e });
      }
      if (res.status === 401) {
        await res.body?.cancel().catch(() => undefined);
        throw new ProviderTokenRejected();
      }
      const text = await readCapped(res, maxBytes);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new ProviderUnavailable(`GraphQL endpoint answered HTTP ${res.status} without JSON`);
      }
      const obj = body as { data?: unknown; errors?: unknown };
      // GraphQL servers answer errors with 4xx too; a body with `data` or `errors` is the answer.
      if (typeof body !== 'object' || body === null || (!('data' in obj) && !Array.isArray(obj.errors))) {
        throw new ProviderUnavailable(`GraphQL endpoint answered HTTP ${res.status} without a GraphQL response`);
      }
      return { ...('data' in obj ? { data: obj.data } : {}), ...(Array.isArray(obj.errors) ? { errors: obj.errors } : {}) };
    },
  };
}

async function readCapped(res: Response, maxBytes: number): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw new ProviderUnavailable('GraphQL answer is too large');
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body?.getReader();
  try {
    for (;;) {
      const chunk = reader ? await reader.read() : undefined;
      if (!chunk || chunk.done) break;
      const value = chunk.value;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader!.cancel().catch(() => undefined);
        throw new ProviderUnavailable('GraphQL answer is too large');
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof ProviderUnavailable) throw e;
    throw new ProviderUnavailable('GraphQL answer was cut off', { cause: e });
  }
  return Buffer.concat(chunks).toString('utf8');
}
