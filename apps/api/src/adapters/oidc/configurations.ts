import { createHash } from 'node:crypto';
import * as oidc from 'openid-client';

/*
 * The one way the API talks to an OpenID provider as a relying party (the
 * Customer Account API client and enterprise SSO): discovery cached per
 * issuer + client, every request through `customFetch` with a timeout, the ID
 * token's signature verified (`enableNonRepudiationChecks`: openid-client 6
 * does not verify it on the code-flow response otherwise), and plain http
 * only for loopback issuers when allowed (tests, a developer's IdP).
 */

export interface OidcClientSettings {
  issuer: string;
  clientId: string;
  /** Null for a public client (PKCE only). */
  clientSecret: string | null;
}

export interface OidcConfigurationsOptions {
  /** Plain-http issuers on 127.0.0.1/localhost; never in production. */
  allowLoopbackHttp: boolean;
  /** Per request (discovery, JWKS, token); default 10 s. */
  timeoutMs?: number;
  /** How long a discovered configuration is reused; default 10 minutes. */
  discoveryTtlMs?: number;
  /** The fetch underneath (tests inject faults here); default the global fetch. */
  fetch?: typeof fetch;
}

export interface OidcConfigurations {
  /** The discovered configuration; a failed discovery is not cached. Rejects with OidcDiscoveryFailed. */
  configFor(settings: OidcClientSettings): Promise<oidc.Configuration>;
  /** The same fetch with the same timeout, for calls outside openid-client. */
  readonly timedFetch: oidc.CustomFetch;
  readonly timeoutMs: number;
}

/** Discovery failed: unreachable, too slow, or not an OpenID provider. The message names no secret. */
export class OidcDiscoveryFailed extends Error {
  constructor(options?: { cause?: unknown }) {
    super('OpenID provider discovery failed', options);
    this.name = 'OidcDiscoveryFailed';
  }
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && LOOPBACK.has(url.hostname);
}

export function oidcConfigurations(opts: OidcConfigurationsOptions): OidcConfigurations {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const ttl = opts.discoveryTtlMs ?? 10 * 60_000;
  const base = opts.fetch ?? fetch;
  const cache = new Map<string, { at: number; config: Promise<oidc.Configuration> }>();

  const timedFetch: oidc.CustomFetch = (url, options) =>
    base(url, { ...options, signal: AbortSignal.timeout(timeoutMs) } as RequestInit);

  function configFor(s: OidcClientSettings): Promise<oidc.Configuration> {
    // The secret is part of the key only as a hash, so a changed secret is a new configuration.
    const key = [s.issuer, s.clientId, createHash('sha256').update(s.clientSecret ?? '').digest('hex')].join('\n');
    const hit = cache.get(key);
    if (hit && Date.now() - hit.at < ttl) return hit.config;
    const issuer = new URL(s.issuer);
    const insecure = opts.allowLoopbackHttp && isLoopbackHttp(issuer);
    const config = oidc
      .discovery(issuer, s.clientId, undefined, s.clientSecret ? oidc.ClientSecretPost(s.clientSecret) : oidc.None(), {
        [oidc.customFetch]: timedFetch,
        execute: insecure ? [oidc.allowInsecureRequests, oidc.enableNonRepudiationChecks] : [oidc.enableNonRepudiationChecks],
      })
      .catch((e: unknown) => {
        cache.delete(key);
        throw new OidcDiscoveryFailed({ cause: e });
      });
    cache.set(key, { at: Date.now(), config });
    return config;
  }

  return { configFor, timedFetch, timeoutMs };
}
