import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AccountApiAuthorization, AccountApiProvider, AccountApiToken } from '@cartly/db';
import { createLoggedInCustomer, createTwoShops, rest, setShopSettings, startTestApi, trpcClient, type TestApi, type TestShop } from '../../test/harness.js';
import { startTestIdp, type TestIdp } from '../../test/oidc-provider.js';
import { startTestGraphql, type TestGraphql } from '../../test/portal-core-account-api.js';

/*
 * The Customer Account API OAuth client end to end: the API, a real
 * oidc-provider and a GraphQL endpoint on 127.0.0.1, real PostgreSQL.
 */

const BASE = '/subscriptions/cp/api/customer-account-api';
const RETURN_URL = 'https://shop.example/account/connected';
let t: TestApi;
let idp: TestIdp;
let graphql: TestGraphql;
let shop: TestShop;
let other: TestShop;

beforeAll(async () => {
  t = await startTestApi();
  const redirectUri = new URL(`${BASE}/oauth/callback`, t.env.PUBLIC_BASE_URL).toString();
  idp = await startTestIdp({
    clients: [{
      client_id: 'cartly-portal', client_secret: 'a-long-client-secret-for-tests-only',
      redirect_uris: [redirectUri], post_logout_redirect_uris: ['https://shop.example/account/bye'],
      grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_post',
    }],
  });
  graphql = await startTestGraphql(idp);
  ({ shop, other } = await createTwoShops(t));
  await setShopSettings(t, shop, { redirectAllowList: ['https://shop.example/account'] });
  const put = await rest(t, 'PUT', '/admin/customer-account-api/provider', {
    bearer: shop.adminToken,
    body: { issuer: idp.issuer, client_id: 'cartly-portal', client_secret: 'a-long-client-secret-for-tests-only', graphql_url: graphql.url, scopes: 'openid email' },
  });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
});
afterAll(async () => {
  await graphql?.close();
  await idp?.close();
  await t?.close();
});

const tokenRequests = () => idp.requests.filter((r) => r.path === '/token').length;
const tokenRow = (customerId: string) => t.db.orm.em.fork().findOne(AccountApiToken, { customer: customerId });
const customer = (name: string, s = shop) => createLoggedInCustomer(t, s, `${name}-${Math.random().toString(36).slice(2, 8)}@example.com`);

async function initiate(cat: string, returnUrl = RETURN_URL) {
  const res = await rest(t, 'POST', `${BASE}/initiate`, { bearer: cat, body: { return_url: returnUrl } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { authorization_url: string; expires_at: string };
}

/** The provider's redirect to our callback, replayed against the test API (PUBLIC_BASE_URL is not its real port). */
const callback = (redirect: URL, headers: Record<string, string> = {}) => rest(t, 'GET', `${redirect.pathname}${redirect.search}`, { headers });

async function connect(cat: string, accountId = 'alice') {
  const { authorization_url } = await initiate(cat);
  const redirect = await idp.login(authorization_url, { accountId });
  const res = await callback(redirect);
  expect(res.status, JSON.stringify(res.body)).toBe(302);
  expect(res.headers.get('location')).toBe(RETURN_URL);
  return redirect;
}

describe('login', () => {
  test('initiate → provider login → callback stores encrypted tokens; status and GraphQL over both faces', async () => {
    const ann = await customer('ann');
    const client = trpcClient(t, { bearer: ann.cat });
    expect(await client.portalCore.accountApi.status.query()).toMatchObject({ connected: false, access_token_expires_at: null });

    const started = await client.portalCore.accountApi.initiate.mutate({ return_url: RETURN_URL });
    const auth = new URL(started.authorization_url);
    expect(auth.origin).toBe(idp.issuer);
    expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
    expect(auth.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(auth.searchParams.get('state')!.length).toBeGreaterThanOrEqual(43);
    expect(auth.searchParams.get('nonce')).toBeTruthy();
    expect(new Date(started.expires_at).getTime() - Date.now()).toBeLessThanOrEqual(10 * 60_000);

    const redirect = await idp.login(started.authorization_url, { accountId: 'ann-at-idp' });
    const res = await callback(redirect);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(RETURN_URL);

    const status = await rest(t, 'GET', `${BASE}/status`, { bearer: ann.cat });
    expect(status.body).toMatchObject({ customer_id: ann.customerId, connected: true, can_refresh: true, scope: 'openid email' });
    expect(await client.portalCore.accountApi.status.query()).toEqual(status.body);

    const query = 'query { customer { id emailAddress { emailAddress } } }';
    const viaRest = await rest(t, 'POST', `${BASE}/graphql`, { bearer: ann.cat, body: { query, variables: { a: 1 } } });
    expect(viaRest.status, JSON.stringify(viaRest.body)).toBe(200);
    expect(viaRest.body).toEqual({ data: { customer: { id: 'ann-at-idp', emailAddress: { emailAddress: 'ann-at-idp@idp.test' }, echo: { a: 1 } } } });
    const viaTrpc = await client.portalCore.accountApi.graphql.mutate({ query });
    expect(viaTrpc.data).toMatchObject({ customer: { id: 'ann-at-idp' } });
    const gqlErrors = await client.portalCore.accountApi.graphql.mutate({ query: '{ shop { name } }' });
    expect(gqlErrors.errors).toEqual([{ message: 'Cannot query this field' }]);

    // At rest: ciphertext bound to this shop and customer, never the token itself.
    const row = (await tokenRow(ann.customerId))!;
    const accessToken = graphql.tokens.at(-1)!;
    for (const sealed of [row.accessTokenSealed, row.refreshTokenSealed!, row.idTokenSealed!]) {
      expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+$/);
      expect(sealed).not.toContain(accessToken);
    }
    const raw = JSON.stringify(await t.db.orm.em.fork().getConnection().execute('select * from account_api_token'));
    expect(raw).not.toContain(accessToken);
    const providerRow = await t.db.orm.em.fork().findOneOrFail(AccountApiProvider, { shop: shop.shopId });
    expect(providerRow.clientSecretSealed).toMatch(/^v1\./);
    expect(JSON.stringify(providerRow)).not.toContain('a-long-client-secret');
  });

  test('forged, reused and expired state fail before any token request', async () => {
    const bob = await customer('bob');
    const before = tokenRequests();
    const forged = await rest(t, 'GET', `${BASE}/oauth/callback?state=${'x'.repeat(43)}&code=abc`);
    expect(forged.status).toBe(400);
    expect(forged.body.error.message).toMatch(/^state/);
    expect((await rest(t, 'GET', `${BASE}/oauth/callback?code=abc`)).status).toBe(400);
    expect(tokenRequests()).toBe(before);

    const redirect = await connect(bob.cat);
    const afterFirst = tokenRequests();
    expect(afterFirst).toBe(before + 1);
    const reused = await callback(redirect);
    expect(reused.status).toBe(400);
    expect(tokenRequests()).toBe(afterFirst);

    const { authorization_url } = await initiate(bob.cat);
    await t.db.orm.em.fork().nativeUpdate(AccountApiAuthorization, { customer: bob.customerId }, { expiresAt: new Date(Date.now() - 1000) });
    const late = await callback(await idp.login(authorization_url));
    expect(late.status).toBe(302);
    expect(new URL(late.headers.get('location')!).searchParams.get('error')).toBe('login_expired');
    expect(tokenRequests()).toBe(afterFirst);
  });

  test('an ID token with the wrong nonce is refused: back with ?error=token_exchange_failed, nothing stored', async () => {
    const kim = await customer('kim');
    const { authorization_url } = await initiate(kim.cat);
    await t.db.orm.em.fork().nativeUpdate(AccountApiAuthorization, { customer: kim.customerId }, { nonce: 'not-the-nonce-sent' });
    const res = await callback(await idp.login(authorization_url));
    expect(res.status).toBe(302);
    expect(new URL(res.headers.get('location')!).searchParams.get('error')).toBe('token_exchange_failed');
    expect(await tokenRow(kim.customerId)).toBeNull();
  });

  test('denied at the provider → back to return_url with ?error=access_denied; nothing stored', async () => {
    const cy = await customer('cy');
    const { authorization_url } = await initiate(cy.cat);
    const res = await callback(await idp.login(authorization_url, { deny: true }));
    expect(res.status).toBe(302);
    const back = new URL(res.headers.get('location')!);
    expect(`${back.origin}${back.pathname}`).toBe(RETURN_URL);
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(await tokenRow(cy.customerId)).toBeNull();
  });

  test('hostile input: return_url off the allow-list, unknown fields, no CAT, a shop without a provider', async () => {
    const dee = await customer('dee');
    for (const bad of ['https://evil.example/steal', 'https://shop.example.evil.test/account', 'javascript:alert(1)', 'http://shop.example/account']) {
      const res = await rest(t, 'POST', `${BASE}/initiate`, { bearer: dee.cat, body: { return_url: bad } });
      expect(res.status, bad).toBe(400);
      expect(res.body.error.message).toMatch(/return_url/);
    }
    expect((await rest(t, 'POST', `${BASE}/initiate`, { bearer: dee.cat, body: { return_url: RETURN_URL, scope: 'admin' } })).status).toBe(400);
    expect((await rest(t, 'POST', `${BASE}/initiate`, { body: { return_url: RETURN_URL } })).status).toBe(401);
    expect((await rest(t, 'GET', `${BASE}/status`)).status).toBe(401);
    expect(await t.db.orm.em.fork().count(AccountApiAuthorization, { customer: dee.customerId })).toBe(0);

    const dee2 = await customer('dee2');
    await connect(dee2.cat, 'dee2');
    const long = await rest(t, 'POST', `${BASE}/graphql`, { bearer: dee2.cat, body: { query: `{ customer { id } }${' '.repeat(20_000)}` } });
    expect(long.status).toBe(400);
    expect(long.body.error.message).toMatch(/query/);
    const huge = await rest(t, 'POST', `${BASE}/graphql`, { bearer: dee2.cat, body: { query: '{ customer { id } }', variables: { blob: 'x'.repeat(200_000) } } });
    expect(huge.status).toBe(413);
    expect((await rest(t, 'POST', `${BASE}/graphql`, { bearer: dee2.cat, rawBody: '{"query": ' })).status).toBe(400);
    const tooBigAnswer = await rest(t, 'POST', `${BASE}/graphql`, { bearer: dee2.cat, body: { query: '{ huge }' } });
    expect(tooBigAnswer.status).toBe(502);
    expect(tooBigAnswer.body.error.code).toBe('UPSTREAM_FAILED');

    const stranger = await customer('stranger', other);
    expect((await rest(t, 'POST', `${BASE}/initiate`, { bearer: stranger.cat, body: { return_url: RETURN_URL } })).status).toBe(404);
    expect((await rest(t, 'GET', '/admin/customer-account-api/provider', { bearer: other.adminToken })).status).toBe(404);
    expect((await rest(t, 'POST', `${BASE}/graphql`, { bearer: stranger.cat, body: { query: '{ customer { id } }' } })).status).toBe(401);
  });
});

describe('tokens', () => {
  test('two concurrent GraphQL calls with an expired token cause exactly one refresh', async () => {
    const eve = await customer('eve');
    await connect(eve.cat, 'eve');
    const before = (await tokenRow(eve.customerId))!;
    // Within the 2-minute margin counts as expired.
    await t.db.orm.em.fork().nativeUpdate(AccountApiToken, { customer: eve.customerId }, { accessTokenExpiresAt: new Date(Date.now() + 60_000) });
    const refreshesBefore = idp.grants.filter((g) => g.grantType === 'refresh_token').length;
    const [a, b] = await Promise.all([
      rest(t, 'POST', `${BASE}/graphql`, { bearer: eve.cat, body: { query: '{ customer { id } }' } }),
      trpcClient(t, { bearer: eve.cat }).portalCore.accountApi.graphql.mutate({ query: '{ customer { id } }' }),
    ]);
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    expect(a.body.data.customer.id).toBe('eve');
    expect((b.data as { customer: { id: string } }).customer.id).toBe('eve');
    const refreshes = idp.grants.filter((g) => g.grantType === 'refresh_token');
    expect(refreshes.length - refreshesBefore).toBe(1);
    const after = (await tokenRow(eve.customerId))!;
    expect(after.accessTokenSealed).not.toBe(before.accessTokenSealed);
    expect(after.accessTokenExpiresAt.getTime()).toBeGreaterThan(Date.now() + 30 * 60_000);
    // Both calls used the one new token.
    expect(new Set(graphql.tokens.slice(-2)).size).toBe(1);
  });

  test('a revoked refresh token answers 401 and deletes the stored tokens', async () => {
    const fay = await customer('fay');
    await connect(fay.cat, 'fay');
    await t.db.orm.em.fork().nativeUpdate(AccountApiToken, { customer: fay.customerId }, { accessTokenExpiresAt: new Date(Date.now() - 1000) });
    expect(idp.revokeRefreshTokens()).toBeGreaterThan(0);
    const res = await rest(t, 'POST', `${BASE}/graphql`, { bearer: fay.cat, body: { query: '{ customer { id } }' } });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
    expect(await tokenRow(fay.customerId)).toBeNull();
    expect((await rest(t, 'GET', `${BASE}/status`, { bearer: fay.cat })).body.connected).toBe(false);
  });

  test('another customer never uses someone else\'s tokens', async () => {
    const gus = await customer('gus');
    await connect(gus.cat, 'gus');
    const hal = await customer('hal');
    expect((await rest(t, 'POST', `${BASE}/graphql`, { bearer: hal.cat, body: { query: '{ customer { id } }' } })).status).toBe(401);
    expect((await rest(t, 'GET', `${BASE}/status`, { bearer: hal.cat })).body.connected).toBe(false);
  });

  test('logout deletes the tokens and redirects through the provider\'s end-session endpoint', async () => {
    const ivy = await customer('ivy');
    await connect(ivy.cat, 'ivy');
    const bad = await rest(t, 'GET', `${BASE}/logout?return_url=${encodeURIComponent('https://evil.example/')}`, { bearer: ivy.cat });
    expect(bad.status).toBe(400);
    expect(await tokenRow(ivy.customerId)).not.toBeNull();
    expect((await rest(t, 'GET', `${BASE}/logout?return_url=${encodeURIComponent('https://shop.example/account/bye')}`)).status).toBe(401);

    const res = await rest(t, 'GET', `${BASE}/logout?return_url=${encodeURIComponent('https://shop.example/account/bye')}`, { bearer: ivy.cat });
    expect(res.status).toBe(302);
    const end = new URL(res.headers.get('location')!);
    expect(`${end.origin}${end.pathname}`).toBe(`${idp.issuer}/session/end`);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe('https://shop.example/account/bye');
    expect(end.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect(await tokenRow(ivy.customerId)).toBeNull();

    // Already logged out: straight back to return_url; JSON for front ends that cannot read a 302.
    const again = await rest(t, 'GET', `${BASE}/logout?return_url=${encodeURIComponent('https://shop.example/account/bye')}`, {
      bearer: ivy.cat, headers: { accept: 'application/json' },
    });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ redirect_url: 'https://shop.example/account/bye' });
  });
});

describe('admin provider', () => {
  test('the secret is never returned; an unreachable issuer is 502; a bad URL is 400; both faces', async () => {
    const client = trpcClient(t, { bearer: shop.adminToken });
    const got = await client.portalCore.accountApi.adminGetProvider.query();
    expect(got).toMatchObject({ issuer: idp.issuer, client_id: 'cartly-portal', has_client_secret: true, scopes: 'openid email' });
    expect(JSON.stringify(got)).not.toContain('a-long-client-secret');
    expect(got.redirect_uri).toBe(new URL(`${BASE}/oauth/callback`, t.env.PUBLIC_BASE_URL).toString());
    expect((await rest(t, 'GET', '/admin/customer-account-api/provider', { bearer: shop.adminToken })).body).toEqual(got);

    const unreachable = await rest(t, 'PUT', '/admin/customer-account-api/provider', {
      bearer: other.adminToken, body: { issuer: 'http://127.0.0.1:9/', client_id: 'x', graphql_url: graphql.url },
    });
    expect(unreachable.status).toBe(502);
    const notHttps = await rest(t, 'PUT', '/admin/customer-account-api/provider', {
      bearer: other.adminToken, body: { issuer: 'http://idp.example.com/', client_id: 'x', graphql_url: graphql.url },
    });
    expect(notHttps.status).toBe(400);
    expect(notHttps.body.error.message).toMatch(/issuer/);
    expect(await t.db.orm.em.fork().count(AccountApiProvider, { shop: other.shopId })).toBe(0);

    // Omitting the secret keeps it.
    const kept = await client.portalCore.accountApi.adminPutProvider.mutate({ issuer: idp.issuer, client_id: 'cartly-portal', graphql_url: graphql.url });
    expect(kept.has_client_secret).toBe(true);
  });

  test('openapi.json documents every Customer Account API path, the redirect routes included', async () => {
    const doc = (await rest(t, 'GET', '/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    for (const [path, method] of [
      ['initiate', 'post'], ['oauth/callback', 'get'], ['status', 'get'], ['graphql', 'post'], ['logout', 'get'],
    ] as const) {
      expect(doc.paths[`${BASE}/${path}`]?.[method], path).toBeTruthy();
    }
    expect(doc.paths['/admin/customer-account-api/provider']?.put).toBeTruthy();
  });
});
