import { afterAll, beforeAll, expect, test } from 'vitest';
import { createShop, rest, trpcClient, startTestApi, type TestApi, type TestShop } from '../../test/harness.js';
import { createCompany } from '../../test/companies.js';
import { allowPortal, connectSso, startSsoIdp, type SsoIdp } from '../../test/sso.js';

/*
 * Enforced SSO: email codes and magic links for a domain whose company
 * enforces SSO send nothing and name the company to log in with instead;
 * other domains, SMS, and companies that do not enforce are unaffected.
 */

let t: TestApi;
let shop: TestShop;
let idp: SsoIdp;
let enforcing: { id: string; name: string };
let relaxed: { id: string; name: string };

beforeAll(async () => {
  t = await startTestApi();
  shop = await createShop(t);
  await allowPortal(t, shop);
  idp = await startSsoIdp(t, 'umbrella');
  enforcing = await createCompany(t, shop, 'Umbrella');
  relaxed = await createCompany(t, shop, 'Relaxed Ltd');
  await connectSso(t, shop, enforcing.id, idp, ['umbrella.test'], { enforce: true });
  await connectSso(t, shop, relaxed.id, idp, ['relaxed.test'], { enforce: false });
});
afterAll(async () => {
  await idp?.close();
  await t?.close();
});

const mailsTo = (to: string) => t.smtp.messages.filter((m) => m.to.includes(to)).length;
const otp = (identifier: string, channel: 'email' | 'sms' = 'email') =>
  rest(t, 'POST', '/storefront/v1/customer/otp/request', { sat: shop.sat, body: { identifier, channel } });

test('an OTP request for an enforced domain sends nothing and names the company, on both faces', async () => {
  const res = await otp('Ann@Umbrella.test');
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ accepted: false, sso: { company_id: enforcing.id, company_name: 'Umbrella', provider: 'custom' } });
  const viaTrpc = await trpcClient(t, { sat: shop.sat }).passwordless.otp.request.mutate({ identifier: 'bo@umbrella.test', channel: 'email' });
  expect(viaTrpc).toEqual(res.body);
  await new Promise((r) => setTimeout(r, 300));
  expect(mailsTo('ann@umbrella.test') + mailsTo('bo@umbrella.test')).toBe(0);
});

test('a magic-link request for an enforced domain sends nothing either', async () => {
  const res = await rest(t, 'POST', '/storefront/v1/customer/magic-link/request', { sat: shop.sat, body: { email: 'cy@umbrella.test', redirect_url: 'https://shop.example/portal' } });
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ accepted: false, sso: { company_id: enforcing.id } });
  // A bad redirect_url is still a 400, enforced or not.
  const bad = await rest(t, 'POST', '/storefront/v1/customer/magic-link/request', { sat: shop.sat, body: { email: 'cy@umbrella.test', redirect_url: 'https://evil.test/' } });
  expect(bad.status).toBe(400);
  await new Promise((r) => setTimeout(r, 300));
  expect(mailsTo('cy@umbrella.test')).toBe(0);
});

test('other domains, a sub-domain, companies that do not enforce, and SMS are unaffected', async () => {
  for (const email of ['dee@elsewhere.test', 'eli@relaxed.test', 'fay@eu.umbrella.test']) {
    const res = await otp(email);
    expect(res.status, email).toBe(200);
    expect(res.body, email).toMatchObject({ accepted: true });
    await t.smtp.waitFor((m) => m.to.includes(email), 10_000);
  }
  const sms = await otp('+14155550123', 'sms');
  expect(sms.status).toBe(200);
  expect(sms.body).toMatchObject({ accepted: true });
});

test('enforcement follows the configuration: off, or SSO disabled, and codes are sent again', async () => {
  await connectSso(t, shop, enforcing.id, idp, ['umbrella.test'], { enforce: true, enabled: false });
  try {
    const res = await otp('gus@umbrella.test');
    expect(res.body).toMatchObject({ accepted: true });
    await t.smtp.waitFor((m) => m.to.includes('gus@umbrella.test'), 10_000);
  } finally {
    await connectSso(t, shop, enforcing.id, idp, ['umbrella.test'], { enforce: true });
  }
  expect((await otp('hal@umbrella.test')).body).toMatchObject({ accepted: false });
});
