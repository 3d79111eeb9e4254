import { expect, test } from 'vitest';
import { DEFAULT_PORTAL_SETTINGS, type PortalSettingsDocument } from '@cartly/contracts/portal-core';
import { PortalSettingsVersion } from '@cartly/db';
import { rest, trpcClient, type TestShop } from '../../test/harness.js';
import { limitedAdminToken, useTwoShops } from '../../test/portal-core-refunds.js';

const env = useTwoShops();

const SETTINGS = (id: string) => `/subscriptions/cp/api/customer-portal-settings/${id}`;
const ADMIN = '/admin/customer-portal/settings';
const versions = (s: TestShop) => env.t.db.orm.em.fork().count(PortalSettingsVersion, { shop: s.shopId });

const locked: PortalSettingsDocument = {
  ...DEFAULT_PORTAL_SETTINGS,
  theme: { ...DEFAULT_PORTAL_SETTINGS.theme, primary_color: '#112233', logo_url: 'https://cdn.example.com/logo.png' },
  features: { ...DEFAULT_PORTAL_SETTINGS.features, pause: false, skip: false, cancel: false },
  messaging: { ...DEFAULT_PORTAL_SETTINGS.messaging, support_email: 'help@shop.example', help_texts: { cancel: 'Write to us to cancel.' } },
  access: { auth_methods: ['sso', 'otp_email'], session_length_hours: 8 },
  refunds: { enabled: true, window_days: 14, restocking_fee_bps: 500, non_refundable_fee_cents: 150 },
};

test('a new shop reads the defaults (version 0) with its SAT, over REST and tRPC', async () => {
  const res = await rest(env.t, 'GET', SETTINGS(env.shop.shopId), { sat: env.shop.sat });
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ shop_id: env.shop.shopId, version: 0, settings: DEFAULT_PORTAL_SETTINGS, updated_at: null });
  expect(await trpcClient(env.t, { sat: env.shop.sat }).portalCore.settings.get.query({ id: env.shop.shopId })).toEqual(res.body);
});

test('another shop\'s id, a missing SAT and a malformed id are refused', async () => {
  expect((await rest(env.t, 'GET', SETTINGS(env.other.shopId), { sat: env.shop.sat })).status).toBe(404);
  expect((await rest(env.t, 'GET', SETTINGS(env.shop.shopId))).status).toBe(401);
  expect((await rest(env.t, 'GET', SETTINGS(env.shop.shopId), { sat: env.other.sat })).status).toBe(404);
  const bad = await rest(env.t, 'GET', SETTINGS('nope'), { sat: env.shop.sat });
  expect(bad.status).toBe(400);
  expect(bad.body.error.message).toMatch(/^id:/);
});

test('the merchant saves a whole document; the previous version is kept; storefronts see the new one', async () => {
  const admin = { bearer: env.shop.adminToken };
  const saved = await rest(env.t, 'PUT', ADMIN, { ...admin, body: { settings: locked, expected_version: 0 } });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  expect(saved.body).toMatchObject({ shop_id: env.shop.shopId, version: 1, settings: locked });

  const second = await trpcClient(env.t, admin).portalCore.settings.adminUpdate.mutate({
    settings: { ...locked, limits: { max_pause_days: 30, skip_limit: 1 } },
  });
  expect(second.version).toBe(2);
  expect((await rest(env.t, 'GET', SETTINGS(env.shop.shopId), { sat: env.shop.sat })).body).toMatchObject({ version: 2, settings: { limits: { max_pause_days: 30 } } });
  const first = await rest(env.t, 'GET', `${ADMIN}?version=1`, admin);
  expect(first.body).toMatchObject({ version: 1, settings: locked });
  expect((await rest(env.t, 'GET', `${ADMIN}?version=9`, admin)).status).toBe(404);
  // The env.other env.shop is untouched.
  expect((await rest(env.t, 'GET', SETTINGS(env.other.shopId), { sat: env.other.sat })).body.version).toBe(0);
});

test.each([
  ['a missing section', (d: Record<string, unknown>) => { delete d.access; }, /^settings\.access:/],
  ['an unknown field', (d: Record<string, any>) => { d.theme.css = 'x'; }, /^settings\.theme\.css: is not a known field/],
  ['a bad colour', (d: Record<string, any>) => { d.theme.primary_color = 'red'; }, /^settings\.theme\.primary_color:/],
  ['an http logo', (d: Record<string, any>) => { d.theme.logo_url = 'http://cdn.example.com/l.png'; }, /^settings\.theme\.logo_url:/],
  ['a javascript: support URL', (d: Record<string, any>) => { d.messaging.support_url = 'javascript:alert(1)'; }, /^settings\.messaging\.support_url:/],
  ['no login method', (d: Record<string, any>) => { d.access.auth_methods = []; }, /^settings\.access\.auth_methods:/],
  ['a login method twice', (d: Record<string, any>) => { d.access.auth_methods = ['sso', 'sso']; }, /^settings\.access\.auth_methods:/],
  ['a fee over 100 %', (d: Record<string, any>) => { d.refunds.restocking_fee_bps = 10_001; }, /^settings\.refunds\.restocking_fee_bps:/],
  ['a negative window', (d: Record<string, any>) => { d.refunds.window_days = -1; }, /^settings\.refunds\.window_days:/],
  ['an unknown help topic', (d: Record<string, any>) => { d.messaging.help_texts = { hack: 'x' }; }, /^settings\.messaging\.help_texts/],
])('%s is 400 naming the field, and saves nothing', async (_name, mutate, message) => {
  const before = await versions(env.shop);
  const document = structuredClone(locked) as Record<string, unknown>;
  mutate(document);
  const res = await rest(env.t, 'PUT', ADMIN, { bearer: env.shop.adminToken, body: { settings: document } });
  expect(res.status).toBe(400);
  expect(res.body.error.message).toMatch(message);
  expect(await versions(env.shop)).toBe(before);
});

test('a stale expected_version is 409; two saves racing from one version give one 200 and one 409', async () => {
  const admin = { bearer: env.shop.adminToken };
  const current = (await rest(env.t, 'GET', ADMIN, admin)).body.version as number;
  const stale = await rest(env.t, 'PUT', ADMIN, { ...admin, body: { settings: locked, expected_version: current - 1 } });
  expect(stale.status).toBe(409);
  expect(stale.body.error.details).toEqual({ current_version: current });

  const racing = await Promise.all([0, 1, 2].map(() => rest(env.t, 'PUT', ADMIN, { ...admin, body: { settings: locked, expected_version: current } })));
  expect(racing.map((r) => r.status).sort()).toEqual([200, 409, 409]);
  expect(await versions(env.shop)).toBe(current + 1);
});

test('admin scopes: read_portal reads, write_portal writes; other tokens are refused', async () => {
  const reader = await limitedAdminToken(env.t, env.shop, ['read_portal']);
  expect((await rest(env.t, 'GET', ADMIN, { bearer: reader })).status).toBe(200);
  expect((await rest(env.t, 'PUT', ADMIN, { bearer: reader, body: { settings: locked } })).status).toBe(403);
  const writer = await limitedAdminToken(env.t, env.shop, ['write_portal']);
  expect((await rest(env.t, 'GET', ADMIN, { bearer: writer })).status).toBe(403);
  expect((await rest(env.t, 'GET', ADMIN, { bearer: env.shop.sat })).status).toBe(401);
  expect((await rest(env.t, 'GET', ADMIN)).status).toBe(401);
});
