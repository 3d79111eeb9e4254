import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type Adapter, type AdapterPayload, type ClientMetadata } from 'oidc-provider';

/*
 * A real OpenID provider (oidc-provider) on 127.0.0.1 for tests: the Customer
 * Account API client and enterprise SSO both log in against it. Logins go
 * through its devInteractions pages, driven with fetch and a cookie jar, the
 * way a browser would. Its in-memory store is ours, so a test can revoke
 * grants behind the client's back; every HTTP request is recorded, so a test
 * can prove a request was never made.
 */

export interface TestIdp {
  issuer: string;
  provider: Provider;
  /** Every request the provider received, in order. */
  requests: { method: string; path: string }[];
  /** Successful and failed grants at the token endpoint, by grant_type, in order. */
  grants: { grantType: string; ok: boolean }[];
  /** Drives login (and consent) for the authorization URL; answers the redirect back to the client. */
  login(authorizationUrl: string, opts?: { accountId?: string; deny?: boolean }): Promise<URL>;
  /** Deletes every refresh token: the next refresh is refused with invalid_grant. */
  revokeRefreshTokens(): number;
  close(): Promise<void>;
}

export interface TestIdpOptions {
  clients: ClientMetadata[];
  /** Extra claims per account id; every account has `email` `<id>@idp.test` (verified) unless overridden. */
  accounts?: Record<string, Record<string, unknown>>;
  accessTokenTtlSeconds?: number;
}

/** oidc-provider's storage contract, in a Map this module can reach into. */
function memoryAdapter(store: Map<string, AdapterPayload>) {
  return class MemoryAdapter implements Adapter {
    constructor(private readonly model: string) {}
    private key(id: string) {
      return `${this.model}:${id}`;
    }
    async upsert(id: string, payload: AdapterPayload) {
      store.set(this.key(id), payload);
    }
    async find(id: string) {
      return store.get(this.key(id));
    }
    async findByUserCode(userCode: string) {
      return [...store.values()].find((p) => p.userCode === userCode);
    }
    async findByUid(uid: string) {
      return [...store.entries()].find(([k, p]) => k.startsWith(`${this.model}:`) && p.uid === uid)?.[1];
    }
    async consume(id: string) {
      const p = store.get(this.key(id));
      if (p) p.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id: string) {
      store.delete(this.key(id));
    }
    async revokeByGrantId(grantId: string) {
      for (const [k, p] of store) if (p.grantId === grantId) store.delete(k);
    }
  };
}

class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*expires=/i.test(a) && new Date(a.split('=')[1]!) < new Date());
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export async function startTestIdp(opts: TestIdpOptions): Promise<TestIdp> {
  const requests: TestIdp['requests'] = [];
  const grants: TestIdp['grants'] = [];
  const store = new Map<string, AdapterPayload>();
  // The provider needs its issuer (our port) to be built; it is in place before the first request can arrive.
  const app: { handle?: (req: IncomingMessage, res: ServerResponse) => void } = {};
  const server: Server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', path: new URL(req.url ?? '/', 'http://x').pathname });
    app.handle!(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: `test-${randomBytes(4).toString('hex')}`, alg: 'RS256', use: 'sig' };

  const provider = new Provider(issuer, {
    clients: opts.clients,
    adapter: memoryAdapter(store),
    jwks: { keys: [signingKey as never] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    async findAccount(_ctx, id) {
      return { accountId: id, claims: async () => ({ sub: id, email: `${id}@idp.test`, email_verified: true, ...opts.accounts?.[id] }) };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // Claims in the ID token itself (otherwise only from userinfo).
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true }, revocation: { enabled: true } },
    pkce: { required: () => true },
    // Refresh tokens without offline_access + a consent prompt.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    ttl: { AccessToken: opts.accessTokenTtlSeconds ?? 3600, AuthorizationCode: 60, IdToken: 3600, RefreshToken: 86_400, Grant: 86_400, Interaction: 600, Session: 3600 },
  });
  provider.on('grant.success', (ctx) => grants.push({ grantType: String(ctx.oidc.params?.grant_type), ok: true }));
  provider.on('grant.error', (ctx) => grants.push({ grantType: String(ctx.oidc.params?.grant_type), ok: false }));
  app.handle = provider.callback();

  async function login(authorizationUrl: string, o: { accountId?: string; deny?: boolean } = {}): Promise<URL> {
    const jar = new CookieJar();
    let url = new URL(authorizationUrl);
    let body: URLSearchParams | undefined;
    for (let hop = 0; hop < 12; hop++) {
      const res = await fetch(url, {
        method: body ? 'POST' : 'GET',
        headers: { cookie: jar.header(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
        body,
        redirect: 'manual',
      });
      jar.take(res);
      body = undefined;
      const location = res.headers.get('location');
      if (location) {
        await res.body?.cancel();
        const next = new URL(location, url);
        if (next.origin !== issuer) return next; // back to the client
        url = next;
        continue;
      }
      const html = await res.text();
      if (res.status !== 200) throw new Error(`idp: ${res.status} at ${url.pathname}: ${html.slice(0, 300)}`);
      const uid = /\/interaction\/([^/"?]+)/.exec(url.pathname)?.[1];
      if (!uid) throw new Error(`idp: unexpected page ${url.pathname}`);
      if (o.deny) {
        url = new URL(`/interaction/${uid}/abort`, issuer);
        continue;
      }
      const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
      body = new URLSearchParams(prompt === 'login' ? { prompt, login: o.accountId ?? 'alice', password: 'x' } : { prompt: prompt ?? 'consent' });
    }
    throw new Error('idp: too many redirects');
  }

  return {
    issuer,
    provider,
    requests,
    grants,
    login,
    revokeRefreshTokens() {
      let n = 0;
      for (const k of [...store.keys()]) if (k.startsWith('RefreshToken:')) { store.delete(k); n++; }
      return n;
    },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
