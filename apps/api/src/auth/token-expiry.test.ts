import { afterAll, beforeAll, expect, test } from 'vitest';
import { App, StorefrontAccessToken } from '@cartly/db';
import { installApp, provisionShop } from '../shops/shops.js';
import { hashToken } from './tokens.js';
import { createLoggedInCustomer, rest, startTestApi, trpcClient, type TestApi } from '../../test/harness.js';

/* SPEC §2 "every token has an expiry": storefront and app tokens can be given one, checked on every request. */

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t?.close());

const past = () => new Date(Date.now() - 1000);
const expireSat = (sat: string) => t.db.orm.em.fork().nativeUpdate(StorefrontAccessToken, { tokenHash: hashToken(sat) }, { expiresAt: past() });
const expireApp = (token: string) => t.db.orm.em.fork().nativeUpdate(App, { tokenHash: hashToken(token) }, { tokenExpiresAt: past() });

test('a storefront token given a lifetime works until then, and is 401 with the envelope on both faces after', async () => {
  const em = t.db.orm.em.fork();
  const { shop, storefrontAccessToken: sat } = await provisionShop(em, { name: 'Expiring SAT', satTtlDays: 7 });
  const stored = await em.findOneOrFail(StorefrontAccessToken, { tokenHash: hashToken(sat) });
  expect((stored.expiresAt!.getTime() - Date.now()) / 86_400_000).toBeCloseTo(7, 1);
  const ann = await createLoggedInCustomer(t, { shopId: shop.id, sat, adminToken: '' }, 'ann@example.com');
  const profile = () => rest(t, 'GET', '/storefront/v1/customer/profile', { sat, bearer: ann.cat });
  expect((await profile()).status).toBe(200);
  expect((await trpcClient(t, { sat, bearer: ann.cat }).account.profile.get.query()).id).toBe(ann.customerId);

  await expireSat(sat);
  const refused = await profile();
  expect(refused.status).toBe(401);
  expect(refused.body).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'missing or invalid storefront access token' } });
  await expect(trpcClient(t, { sat, bearer: ann.cat }).account.profile.get.query()).rejects.toMatchObject({ data: { httpStatus: 401 } });

  // A token without a lifetime (the default) keeps working.
  const { storefrontAccessToken: forever } = await provisionShop(em, { name: 'Forever SAT' });
  expect((await em.findOneOrFail(StorefrontAccessToken, { tokenHash: hashToken(forever) })).expiresAt).toBeNull();
});

test('an app token given a lifetime is 401 past it; another app of the shop is unaffected', async () => {
  const em = t.db.orm.em.fork();
  const { shop } = await provisionShop(em, { name: 'Apps' });
  const short = await installApp(em, { shopId: shop.id, name: 'Short-lived', iframeHosts: [], ttlDays: 30 });
  const lasting = await installApp(em, { shopId: shop.id, name: 'Lasting', iframeHosts: [] });
  expect((short.app.tokenExpiresAt!.getTime() - Date.now()) / 86_400_000).toBeCloseTo(30, 1);
  expect(lasting.app.tokenExpiresAt).toBeNull();
  // The verify call with a bogus AST: a live app token gets past authentication (the AST is what is refused), an expired one does not.
  const verify = (appToken: string) => rest(t, 'POST', '/apps/api/customer-session/verify', { bearer: appToken, body: { token: 'x' } });
  const appRefused = (r: { body: { error?: { message: string } } }) => r.body.error?.message === 'missing or invalid app token';
  expect(appRefused(await verify(short.appToken))).toBe(false);
  await expireApp(short.appToken);
  const refused = await verify(short.appToken);
  expect(refused.status).toBe(401);
  expect(refused.body.error).toEqual({ code: 'UNAUTHENTICATED', message: 'missing or invalid app token' });
  expect(appRefused(await verify(lasting.appToken))).toBe(false);
});
