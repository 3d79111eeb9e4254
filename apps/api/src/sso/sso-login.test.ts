import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CompanyMembership, Customer, SsoIdentity, SsoLogin } from '@cartly/db';
import { createTwoShops, rest, trpcClient, type TestApi, type TestShop, startTestApi } from '../../test/harness.js';
import { createCompany } from '../../test/companies.js';
import { PORTAL, allowPortal, callback, connectSso, fragmentOf, initSso, ssoLogin, startSsoIdp, type SsoIdp } from '../../test/sso.js';

/*
 * Enterprise SSO end to end: the API, two real oidc-provider IdPs on
 * 127.0.0.1 (one per company), real PostgreSQL. Logins go through the IdP's
 * pages the way a browser would.
 */

let t: TestApi;
let shop: TestShop;
let other: TestShop;
let acmeIdp: SsoIdp;
let globexIdp: SsoIdp;
let acme: { id: string; name: string };
let globex: { id: string; name: string };

const ACCOUNTS = {
  alice: { email: 'Alice@Acme.test' },
  bob: { email: 'bob@acme.test' },
  carol: { email: 'carol@acme.test' },
  dora: { email: 'dora@acme.test' },
  outsider: { email: 'sam@elsewhere.test' },
  unverified: { email: 'eve@acme.test', email_verified: false },
  noemail: { email: undefined },
  gina: { email: 'gina@globex.test' },
};

beforeAll(async () => {
  t = await startTestApi();
  ({ shop, other } = await createTwoShops(t));
  await allowPortal(t, shop);
  await allowPortal(t, other);
  acmeIdp = await startSsoIdp(t, 'acme', ACCOUNTS);
  globexIdp = await startSsoIdp(t, 'globex', ACCOUNTS);
  acme = await createCompany(t, shop, 'Acme Corp');
  globex = await createCompany(t, shop, 'Globex');
  await connectSso(t, shop, acme.id, acmeIdp, ['acme.test'], { default_role: 'buyer' });
  await connectSso(t, shop, globex.id, globexIdp, ['globex.test'], { default_role: 'viewer' });
});
afterAll(async () => {
  await acmeIdp?.close();
  await globexIdp?.close();
  await t?.close();
});

const em = () => t.db.orm.em.fork();
const tokenRequests = (idp: SsoIdp) => idp.requests.filter((r) => r.path === '/token').length;
const customerByEmail = (email: string, s = shop) => em().findOne(Customer, { shop: s.shopId, email });
const companyOf = (cat: string) => rest(t, 'GET', '/customer/company', { bearer: cat });
const stateOf = (authorizationUrl: string) => new URL(authorizationUrl).searchParams.get('state')!;

describe('a full login', () => {
  test('REST: init redirects to the IdP; the callback creates the customer (email verified) and the membership, and hands the CAT in the fragment', async () => {
    const q = new URLSearchParams({ company_id: acme.id, redirect_uri: `${PORTAL}/welcome` });
    const init = await rest(t, 'GET', `/storefront/v1/customer/sso/init?${q}`, { sat: shop.sat });
    expect(init.status).toBe(302);
    const auth = new URL(init.headers.get('location')!);
    expect(auth.origin).toBe(acmeIdp.issuer);
    expect(auth.searchParams.get('client_id')).toBe(acmeIdp.clientId);
    expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
    expect(auth.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(auth.searchParams.get('state')!.length).toBeGreaterThanOrEqual(43);
    expect(auth.searchParams.get('nonce')!.length).toBeGreaterThanOrEqual(43);

    // Only hashes and sealed values server-side.
    const row = await em().findOneOrFail(SsoLogin, { stateHash: { $ne: '' }, company: acme.id }, { orderBy: { createdAt: 'desc' } });
    expect(row.stateHash).not.toContain(auth.searchParams.get('state')!);
    expect(row.nonceSealed).toMatch(/^v1\./);
    expect(row.nonceSealed).not.toContain(auth.searchParams.get('nonce')!);

    const back = await acmeIdp.login(auth.toString(), { accountId: 'alice' });
    const res = await callback(t, back);
    expect(res.status, JSON.stringify(res.body)).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(`${PORTAL}/welcome`);
    expect(location.search).toBe(''); // the CAT only in the fragment, never in a URL a server sees
    const fragment = fragmentOf(location.toString());
    expect([...fragment.keys()].sort()).toEqual(['access_token', 'customer_id', 'expires_at']);

    const alice = await customerByEmail('alice@acme.test');
    expect(alice).not.toBeNull();
    expect(alice!.id).toBe(fragment.get('customer_id'));
    expect(alice!.emailVerifiedAt).toBeInstanceOf(Date);
    const company = await companyOf(fragment.get('access_token')!);
    expect(company.status, JSON.stringify(company.body)).toBe(200);
    expect(company.body).toMatchObject({ company: { id: acme.id, name: 'Acme Corp' }, membership: { role: 'buyer' } });
    const profile = await rest(t, 'GET', '/storefront/v1/customer/profile', { sat: shop.sat, bearer: fragment.get('access_token')! });
    expect(profile.status).toBe(200);
    expect(profile.body).toMatchObject({ email: 'alice@acme.test' });
  });

  test('tRPC: sso.init gives the URL; the callback with Accept: application/json answers the CAT view; a second login reuses customer and membership', async () => {
    const client = trpcClient(t, { sat: shop.sat });
    const first = await client.sso.init.query({ company_id: acme.id, redirect_uri: PORTAL });
    expect(new URL(first.authorization_url).origin).toBe(acmeIdp.issuer);
    expect(new Date(first.expires_at).getTime() - Date.now()).toBeGreaterThan(9 * 60_000);
    const res1 = await callback(t, await acmeIdp.login(first.authorization_url, { accountId: 'bob' }), { accept: 'application/json' });
    expect(res1.status, JSON.stringify(res1.body)).toBe(200);
    expect(Object.keys(res1.body).sort()).toEqual(['access_token', 'customer_id', 'expires_at']);

    const second = await client.sso.init.query({ company_id: acme.id, redirect_uri: PORTAL });
    const res2 = await callback(t, await acmeIdp.login(second.authorization_url, { accountId: 'bob' }), { accept: 'application/json' });
    expect(res2.status).toBe(200);
    expect(res2.body.customer_id).toBe(res1.body.customer_id);
    expect(res2.body.access_token).not.toBe(res1.body.access_token);
    expect(await em().count(Customer, { shop: shop.shopId, email: 'bob@acme.test' })).toBe(1);
    expect(await em().count(CompanyMembership, { shop: shop.shopId, customer: res1.body.customer_id })).toBe(1);
    expect(await em().count(SsoIdentity, { shop: shop.shopId, customer: res1.body.customer_id })).toBe(1);
  });

  test('an existing customer with that verified email is linked, not duplicated; then found by (issuer, subject) even after the IdP changes the email', async () => {
    const existing = em().create(Customer, { shop: shop.shopId, email: 'carol@acme.test' });
    await em().persist(existing).flush();
    const { fragment } = await ssoLogin(t, shop, acme.id, acmeIdp, 'carol');
    expect(fragment.get('customer_id')).toBe(existing.id);
    expect((await customerByEmail('carol@acme.test'))!.emailVerifiedAt).toBeInstanceOf(Date);

    // Same subject, new address at the IdP: still the same customer (subject first).
    ACCOUNTS.carol.email = 'carol.new@acme.test';
    try {
      const again = await ssoLogin(t, shop, acme.id, acmeIdp, 'carol');
      expect(again.fragment.get('customer_id')).toBe(existing.id);
      expect(await customerByEmail('carol.new@acme.test')).toBeNull();
    } finally {
      ACCOUNTS.carol.email = 'carol@acme.test';
    }
  });

  test('the second company\'s IdP logs its own people into its own company with its default role', async () => {
    const { fragment } = await ssoLogin(t, shop, globex.id, globexIdp, 'gina');
    const company = await companyOf(fragment.get('access_token')!);
    expect(company.body).toMatchObject({ company: { id: globex.id }, membership: { role: 'viewer' } });
  });

  test('an email of another domain logs in, with no membership', async () => {
    const { fragment } = await ssoLogin(t, shop, acme.id, acmeIdp, 'outsider');
    const cat = fragment.get('access_token')!;
    expect((await rest(t, 'GET', '/storefront/v1/customer/profile', { sat: shop.sat, bearer: cat })).status).toBe(200);
    expect((await companyOf(cat)).status).toBe(403);
    expect(await em().count(CompanyMembership, { shop: shop.shopId, customer: fragment.get('customer_id')! })).toBe(0);
  });

  test('a customer already in another company logs in and stays where they are', async () => {
    // gina@globex.test is a Globex member; log her in through Acme's IdP with an acme.test address.
    const gina = await customerByEmail('gina@globex.test');
    ACCOUNTS.dora.email = 'gina@globex.test';
    try {
      // Her email is not an acme.test one: no Acme membership; and she keeps Globex's.
      const { fragment } = await ssoLogin(t, shop, acme.id, acmeIdp, 'dora');
      expect(fragment.get('customer_id')).toBe(gina!.id);
      expect((await companyOf(fragment.get('access_token')!)).body).toMatchObject({ company: { id: globex.id } });
    } finally {
      ACCOUNTS.dora.email = 'dora@acme.test';
    }
  });
});

describe('refused logins', () => {
  test('an unverified email: back to the portal with #error=email_not_verified; no customer', async () => {
    const { authorization_url } = await initSso(t, shop, acme.id);
    const res = await callback(t, await acmeIdp.login(authorization_url, { accountId: 'unverified' }));
    expect(res.status).toBe(302);
    const fragment = fragmentOf(res.headers.get('location'));
    expect(fragment.get('error')).toBe('email_not_verified');
    expect(fragment.get('error_description')).toBeTruthy();
    expect(fragment.has('access_token')).toBe(false);
    expect(await customerByEmail('eve@acme.test')).toBeNull();
  });

  test('the same refusal as JSON for JSON clients', async () => {
    const { authorization_url } = await initSso(t, shop, acme.id);
    const res = await callback(t, await acmeIdp.login(authorization_url, { accountId: 'unverified' }), { accept: 'application/json' });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'BUSINESS_RULE', details: { error: 'email_not_verified', redirect_uri: PORTAL } });
  });

  test('the IdP\'s access_denied comes back as #error=access_denied, with no token request', async () => {
    const before = tokenRequests(acmeIdp);
    const { authorization_url } = await initSso(t, shop, acme.id);
    const res = await callback(t, await acmeIdp.login(authorization_url, { deny: true }));
    expect(fragmentOf(res.headers.get('location')).get('error')).toBe('access_denied');
    expect(tokenRequests(acmeIdp)).toBe(before);
  });

  test('a wrong nonce in the ID token is refused', async () => {
    const { authorization_url } = await initSso(t, shop, acme.id);
    const tampered = new URL(authorization_url);
    tampered.searchParams.set('nonce', 'an-attacker-chosen-nonce-that-the-server-never-issued');
    const res = await callback(t, await acmeIdp.login(tampered.toString(), { accountId: 'dora' }));
    expect(fragmentOf(res.headers.get('location')).get('error')).toBe('token_exchange_failed');
    expect(await customerByEmail('dora@acme.test')).toBeNull();
  });

  test('issuer mix-up: a code from Globex\'s IdP presented with a state of Acme\'s login never logs anyone in', async () => {
    for (const withIss of [true, false]) {
      const acmeFlow = await initSso(t, shop, acme.id);
      const globexFlow = await initSso(t, shop, globex.id);
      const globexBack = await globexIdp.login(globexFlow.authorization_url, { accountId: 'dora' });
      expect(globexBack.searchParams.get('iss')).toBe(globexIdp.issuer);
      const forged = new URL(globexBack);
      forged.searchParams.set('state', stateOf(acmeFlow.authorization_url));
      if (!withIss) forged.searchParams.delete('iss');
      const globexTokens = tokenRequests(globexIdp);
      const res = await callback(t, forged);
      expect(res.status).toBe(302);
      expect(fragmentOf(res.headers.get('location')).get('error')).toBe('token_exchange_failed');
      // The code is never sent to the IdP it came from; Acme's IdP refuses a code it did not issue.
      expect(tokenRequests(globexIdp)).toBe(globexTokens);
      expect(await customerByEmail('dora@acme.test')).toBeNull();
    }
  });

  test('the same IdP and domain configured in another shop logs into that shop\'s own customer, whose CAT is no good here', async () => {
    // Other shop, same IdP and domain: its own configuration; Acme's state names Acme in `shop`.
    const otherCo = await createCompany(t, other, 'Acme (other shop)');
    await connectSso(t, other, otherCo.id, acmeIdp, ['acme.test']);
    const { fragment } = await ssoLogin(t, other, otherCo.id, acmeIdp, 'alice');
    const inOtherShop = await em().findOneOrFail(Customer, { id: fragment.get('customer_id')! });
    expect(inOtherShop.shop).toBe(other.shopId);
    expect(inOtherShop.id).not.toBe((await customerByEmail('alice@acme.test'))!.id);
    // Shop A's CAT is not one of shop B's.
    expect((await rest(t, 'GET', '/storefront/v1/customer/profile', { sat: shop.sat, bearer: fragment.get('access_token')! })).status).toBe(401);
  });
});

describe('the state', () => {
  test('forged: 400 — an HTML page for browsers, the error envelope for JSON clients — and no token request', async () => {
    const before = tokenRequests(acmeIdp);
    const forged = new URL(`http://x/cb?state=${'A'.repeat(43)}&code=whatever`);
    const page = await callback(t, forged, { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });
    expect(page.status).toBe(400);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const json = await callback(t, forged, { accept: 'application/json' });
    expect(json.status).toBe(400);
    expect(json.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/^state:/) });
    const missing = await callback(t, new URL('http://x/cb?code=x'), { accept: 'application/json' });
    expect(missing.status).toBe(400);
    expect(tokenRequests(acmeIdp)).toBe(before);
  });

  test('reused: the second use of a callback is 400 and makes no token request', async () => {
    const { authorization_url } = await initSso(t, shop, acme.id);
    const back = await acmeIdp.login(authorization_url, { accountId: 'bob' });
    expect((await callback(t, back)).status).toBe(302);
    const before = tokenRequests(acmeIdp);
    const replay = await callback(t, back, { accept: 'application/json' });
    expect(replay.status).toBe(400);
    expect(tokenRequests(acmeIdp)).toBe(before);
  });

  test('expired (past its 10 minutes): 400 and no token request', async () => {
    const { authorization_url } = await initSso(t, shop, acme.id);
    const back = await acmeIdp.login(authorization_url, { accountId: 'bob' });
    await em().getConnection().execute(`update sso_login set expires_at = now() - interval '1 second' where shop_id = ?`, [shop.shopId]);
    const before = tokenRequests(acmeIdp);
    const res = await callback(t, back, { accept: 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/expired/);
    expect(tokenRequests(acmeIdp)).toBe(before);
  });

  test('two callbacks with one state at once: exactly one wins, and one token request is made', async () => {
    const { authorization_url } = await initSso(t, shop, acme.id);
    const back = await acmeIdp.login(authorization_url, { accountId: 'bob' });
    const before = tokenRequests(acmeIdp);
    const results = await Promise.all(Array.from({ length: 5 }, () => callback(t, back, { accept: 'application/json' })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 400, 400, 400, 400]);
    expect(tokenRequests(acmeIdp) - before).toBe(1);
  });
});

describe('init', () => {
  test('refuses a redirect_uri off the shop\'s allow-list, another shop\'s company, a company without SSO, and no SAT', async () => {
    const q = (companyId: string, redirect: string) => `/storefront/v1/customer/sso/init?${new URLSearchParams({ company_id: companyId, redirect_uri: redirect })}`;
    const evil = await rest(t, 'GET', q(acme.id, 'https://shop.example.evil.test/portal'), { sat: shop.sat });
    expect(evil.status).toBe(400);
    expect(evil.body.error.message).toMatch(/^redirect_uri:/);
    expect((await rest(t, 'GET', q(acme.id, PORTAL), { sat: other.sat })).status).toBe(404);
    const plain = await createCompany(t, shop, 'No SSO');
    expect((await rest(t, 'GET', q(plain.id, PORTAL), { sat: shop.sat })).status).toBe(404);
    expect((await rest(t, 'GET', q(acme.id, PORTAL), {})).status).toBe(401);
    const badId = await rest(t, 'GET', q('not-a-uuid', PORTAL), { sat: shop.sat });
    expect(badId.status).toBe(400);
    expect(badId.body.error.message).toMatch(/company_id/);
    const twice = await rest(t, 'GET', `${q(acme.id, PORTAL)}&company_id=${acme.id}`, { sat: shop.sat });
    expect(twice.status).toBe(400);
    const unknown = await rest(t, 'GET', `${q(acme.id, PORTAL)}&extra=1`, { sat: shop.sat });
    expect(unknown.status).toBe(400);
  });

  test('a disabled configuration cannot start a login, and a login started before it was disabled does not finish', async () => {
    const { authorization_url } = await initSso(t, shop, acme.id);
    const back = await acmeIdp.login(authorization_url, { accountId: 'bob' });
    await connectSso(t, shop, acme.id, acmeIdp, ['acme.test'], { enabled: false });
    try {
      const res = await callback(t, back);
      expect(fragmentOf(res.headers.get('location')).get('error')).toBe('sso_not_available');
      const q = new URLSearchParams({ company_id: acme.id, redirect_uri: PORTAL });
      expect((await rest(t, 'GET', `/storefront/v1/customer/sso/init?${q}`, { sat: shop.sat })).status).toBe(404);
    } finally {
      await connectSso(t, shop, acme.id, acmeIdp, ['acme.test'], { enabled: true });
    }
  });
});

describe('discover', () => {
  test('both faces: the enabled SSO of the email\'s exact domain, or null', async () => {
    const client = trpcClient(t, { sat: shop.sat });
    expect(await client.sso.discover.query({ email: 'Someone@ACME.test' })).toEqual({
      sso: { company_id: acme.id, company_name: 'Acme Corp', provider: 'custom', enforced: false },
    });
    const res = await rest(t, 'GET', `/storefront/v1/customer/sso/discover?email=${encodeURIComponent('x@globex.test')}`, { sat: shop.sat });
    expect(res.status).toBe(200);
    expect(res.body.sso).toMatchObject({ company_id: globex.id, company_name: 'Globex' });
    expect((await client.sso.discover.query({ email: 'x@sub.acme.test' })).sso).toBeNull();
    expect((await client.sso.discover.query({ email: 'x@elsewhere.test' })).sso).toBeNull();
    // Another shop does not see this shop's companies.
    expect((await trpcClient(t, { sat: other.sat }).sso.discover.query({ email: 'x@globex.test' })).sso).toBeNull();
    expect((await rest(t, 'GET', '/storefront/v1/customer/sso/discover?email=nope', { sat: shop.sat })).status).toBe(400);
  });
});
