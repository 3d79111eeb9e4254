import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Customer } from '@cartly/db';
import { createShop, rest, startTestApi, type TestApi, type TestShop } from '../../test/harness.js';
import { createCompany } from '../../test/companies.js';
import { startReplicaWith } from '../../test/passwordless.js';
import { PORTAL, allowPortal, callback, connectSso, faultyFetch, fragmentOf, startSilentServer, startSsoIdp, type SsoIdp } from '../../test/sso.js';
import type { RunningApi } from '../app.js';
import { openidIdpClient } from './openid-idp-client.js';

/*
 * IdPs that misbehave: an ID token signed by a key the IdP never published
 * (the signature check openid-client 6 skips unless enableNonRepudiationChecks
 * is on), an IdP that accepts connections and never answers, one whose token
 * endpoint hangs, one that is down. Every outbound call has a timeout.
 */

const TIMEOUT_MS = 400;
let t: TestApi;
let api: RunningApi;
let shop: TestShop;
let idp: SsoIdp;
let company: { id: string; name: string };
const faults = faultyFetch();
let silent: Awaited<ReturnType<typeof startSilentServer>>;

beforeAll(async () => {
  // One key ring for both APIs below, so each opens what the other sealed.
  const keys = JSON.stringify([{ kid: 'faults', key: randomBytes(32).toString('base64') }]);
  t = await startTestApi({ SSO_IDP_TIMEOUT_MS: TIMEOUT_MS, DATA_ENCRYPTION_KEYS: keys });
  // The same API, with the IdP client's fetch going through the fault injector.
  api = await startReplicaWith(t, {}, (d) => ({
    ...d,
    sso: { ...d.sso, idp: openidIdpClient({ allowLoopbackHttp: true, timeoutMs: TIMEOUT_MS, fetch: faults.fetch }) },
  }));
  shop = await createShop(t);
  await allowPortal(t, shop);
  idp = await startSsoIdp(t, 'hooli', { kim: { email: 'kim@hooli.test' } });
  company = await createCompany(t, shop, 'Hooli');
  await connectSso(t, shop, company.id, idp, ['hooli.test']);
  silent = await startSilentServer();
});
afterAll(async () => {
  await api?.close();
  await silent?.close();
  await idp?.close();
  await t?.close();
});

const viaFaulty = { url: '' };
const init = async (companyId = company.id, headers: Record<string, string> = { accept: 'application/json' }) => {
  viaFaulty.url = api.url;
  return rest(viaFaulty, 'GET', `/storefront/v1/customer/sso/init?${new URLSearchParams({ company_id: companyId, redirect_uri: PORTAL })}`, { sat: shop.sat, headers });
};

test('an ID token signed by a wrong key is refused: no customer, #error=token_exchange_failed', async () => {
  const started = await init();
  expect(started.status, JSON.stringify(started.body)).toBe(200);
  const back = await idp.login(started.body.authorization_url, { accountId: 'kim' });
  faults.state.resign = true;
  try {
    const res = await callback({ ...t, url: api.url }, back);
    expect(res.status).toBe(302);
    expect(fragmentOf(res.headers.get('location')).get('error')).toBe('token_exchange_failed');
  } finally {
    faults.state.resign = false;
  }
  expect(await t.db.orm.em.fork().findOne(Customer, { shop: shop.shopId, email: 'kim@hooli.test' })).toBeNull();

  // The same flow untampered logs in: the refusal was the signature.
  const ok = await init();
  const res = await callback({ ...t, url: api.url }, await idp.login(ok.body.authorization_url, { accountId: 'kim' }));
  expect(fragmentOf(res.headers.get('location')).get('access_token')).toBeTruthy();
});

test('an IdP that never answers: init gives 502 naming the provider, within the timeout, on both faces of the route', async () => {
  const hanging = await createCompany(t, shop, 'Stuck Inc');
  await connectSso(t, shop, hanging.id, idp, ['stuck.test'], { issuer: silent.url, provider: 'okta' });
  const started = Date.now();
  const json = await rest(t, 'GET', `/storefront/v1/customer/sso/init?${new URLSearchParams({ company_id: hanging.id, redirect_uri: PORTAL })}`, { sat: shop.sat, headers: { accept: 'application/json' } });
  const elapsed = Date.now() - started;
  expect(json.status).toBe(502);
  expect(json.body.error).toMatchObject({ code: 'UPSTREAM_FAILED', message: expect.stringMatching(/Stuck Inc \(okta\)/) });
  // Bounded by the configured timeout, far below anything a browser would wait for (never a hang).
  expect(elapsed).toBeLessThan(TIMEOUT_MS + 5_000);
  const trpc = await rest(t, 'GET', `/trpc/sso.init?input=${encodeURIComponent(JSON.stringify({ company_id: hanging.id, redirect_uri: PORTAL }))}`, { sat: shop.sat });
  expect(trpc.status).toBe(502);
});

test('a token endpoint that hangs: the callback answers 502 (an HTML page naming the provider for browsers) within the timeout', async () => {
  const started = await init();
  const back = await idp.login(started.body.authorization_url, { accountId: 'kim' });
  faults.state.hangTokenRequests = true;
  try {
    const page = await callback({ ...t, url: api.url }, back);
    expect(page.status).toBe(502);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.body).toContain('Hooli (custom)');
  } finally {
    faults.state.hangTokenRequests = false;
  }
});

test('an IdP that is down (connection refused): 502, and a failed discovery is not cached', async () => {
  const down = await startSilentServer();
  const gone = down.url;
  await down.close();
  const dead = await createCompany(t, shop, 'Gone Corp');
  await connectSso(t, shop, dead.id, idp, ['gone.test'], { issuer: gone });
  expect((await init(dead.id)).status).toBe(502);
  expect((await init(dead.id)).status).toBe(502);
});
