import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { generateKeyPair, SignJWT, decodeJwt, decodeProtectedHeader } from 'jose';
import { SSO_CALLBACK_PATH } from '@cartly/contracts/sso';
import { rest, setShopSettings, type TestApi, type TestShop } from './harness.js';
import { startTestIdp, type TestIdp } from './oidc-provider.js';

/** Test helpers of enterprise SSO: IdPs registered for the test API's callback, logins driven like a browser. */

export const PORTAL = 'https://shop.example/portal';

export interface SsoIdp extends TestIdp {
  clientId: string;
  clientSecret: string;
}

/**
 * A real oidc-provider with one client registered for our callback. Accounts:
 * `<id>@<domain>` (verified) by default; `accounts` overrides claims per id.
 */
export async function startSsoIdp(t: TestApi, name: string, accounts: Record<string, Record<string, unknown>> = {}): Promise<SsoIdp> {
  const clientId = `${name}-portal`;
  const clientSecret = `${name}-secret-${Math.random().toString(36).slice(2)}-${'s'.repeat(20)}`;
  const idp = await startTestIdp({
    clients: [{
      client_id: clientId, client_secret: clientSecret,
      redirect_uris: [new URL(SSO_CALLBACK_PATH, t.env.PUBLIC_BASE_URL).toString()],
      grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_post',
    }],
    accounts,
  });
  return Object.assign(idp, { clientId, clientSecret });
}

export async function allowPortal(t: TestApi, shop: TestShop): Promise<void> {
  await setShopSettings(t, shop, { redirectAllowList: [PORTAL] });
}

export function ssoBody(idp: SsoIdp, domains: string[], extra: Record<string, unknown> = {}) {
  return { provider: 'custom', issuer: idp.issuer, client_id: idp.clientId, client_secret: idp.clientSecret, email_domains: domains, default_role: 'buyer', ...extra };
}

export async function connectSso(t: TestApi, shop: TestShop, companyId: string, idp: SsoIdp, domains: string[], extra: Record<string, unknown> = {}) {
  const res = await rest(t, 'PUT', `/admin/companies/${companyId}/sso`, { bearer: shop.adminToken, body: ssoBody(idp, domains, extra) });
  if (res.status !== 200) throw new Error(`connectSso: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The JSON face of init. */
export async function initSso(t: TestApi, shop: TestShop, companyId: string, redirectUri = PORTAL): Promise<{ authorization_url: string; expires_at: string }> {
  const q = new URLSearchParams({ company_id: companyId, redirect_uri: redirectUri });
  const res = await rest(t, 'GET', `/storefront/v1/customer/sso/init?${q}`, { sat: shop.sat, headers: { accept: 'application/json' } });
  if (res.status !== 200) throw new Error(`initSso: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The IdP's redirect to our callback, replayed against the test API (PUBLIC_BASE_URL is not its real port). */
export const callback = (t: TestApi, back: URL, headers: Record<string, string> = {}) =>
  rest(t, 'GET', `${SSO_CALLBACK_PATH}${back.search}`, { headers });

export function fragmentOf(location: string | null): URLSearchParams {
  if (!location) throw new Error('no Location');
  return new URLSearchParams(new URL(location).hash.slice(1));
}

/** init → IdP login → callback (302); the fragment the portal receives. */
export async function ssoLogin(t: TestApi, shop: TestShop, companyId: string, idp: TestIdp, accountId: string) {
  const { authorization_url } = await initSso(t, shop, companyId);
  const back = await idp.login(authorization_url, { accountId });
  const res = await callback(t, back);
  if (res.status !== 302) throw new Error(`callback: ${res.status} ${JSON.stringify(res.body)}`);
  return { location: res.headers.get('location')!, fragment: fragmentOf(res.headers.get('location')) };
}

/**
 * A fetch for the IdP client that, while `active`, re-signs the ID token of
 * every token response with a key the IdP never published (same kid), or
 * makes token requests hang until the client's timeout aborts them.
 */
export function faultyFetch() {
  const state = { resign: false, hangTokenRequests: false };
  const wrongKey = generateKeyPair('RS256');
  const faulty: typeof fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    const isToken = new URL(url).pathname === '/token';
    if (isToken && state.hangTokenRequests) {
      return new Promise<Response>((_, reject) => {
        const signal = init?.signal;
        signal?.addEventListener('abort', () => reject(signal.reason));
      });
    }
    const res = await fetch(input, init);
    if (!isToken || !state.resign || !res.ok) return res;
    const body = await res.json() as Record<string, unknown>;
    const idToken = String(body.id_token);
    const header = decodeProtectedHeader(idToken);
    body.id_token = await new SignJWT(decodeJwt(idToken)).setProtectedHeader({ alg: 'RS256', kid: header.kid! }).sign((await wrongKey).privateKey);
    const headers = new Headers(res.headers);
    headers.delete('content-length');
    return new Response(JSON.stringify(body), { status: res.status, headers });
  };
  return { fetch: faulty, state };
}

/** A TCP server that accepts connections and never answers: an IdP that hangs. */
export async function startSilentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((s) => { sockets.add(s); s.on('error', () => undefined); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => { for (const s of sockets) s.destroy(); server.close(() => resolve()); }),
  };
}
