import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { AdminToken, App, Shop, StorefrontAccessToken } from '@cartly/db';
import { rest, startTestApi, type TestApi } from '../../test/harness.js';
import { hashToken } from '../auth/tokens.js';

const run = promisify(execFile);
const main = fileURLToPath(new URL('./main.ts', import.meta.url));

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.close());

async function cartly(...args: string[]) {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--conditions=source', main, ...args], {
    env: { ...process.env, DATABASE_URL: t.db.url, NODE_ENV: 'test' },
  });
  return JSON.parse(stdout);
}

test('shop:create, customer:token and app:install print working credentials once', async () => {
  const shop = await cartly('shop:create', '--name', 'CLI Shop');
  expect(shop).toEqual({ shop_id: expect.any(String), admin_token: expect.stringMatching(/^adm_/), storefront_access_token: expect.stringMatching(/^sat_/) });

  const customer = await rest(t, 'POST', '/admin/customers', { bearer: shop.admin_token, body: { email: 'cli@example.com' } });
  expect(customer.status).toBe(200);

  const cat = await cartly('customer:token', '--shop', shop.shop_id, '--email', 'CLI@example.com');
  const profile = await rest(t, 'GET', '/storefront/v1/customer/profile', { sat: shop.storefront_access_token, bearer: cat.access_token });
  expect(profile.body.id).toBe(customer.body.id);

  const app = await cartly('app:install', '--shop', shop.shop_id, '--name', 'Reviews', '--iframe-host', 'reviews.example.com');
  expect(app).toEqual({ app_client_id: expect.stringMatching(/^app_/), app_token: expect.stringMatching(/^app_/) });

  // Shown once: the database holds only hashes of what was printed.
  const em = t.db.orm.em.fork();
  const stored = JSON.stringify([
    await em.find(AdminToken, { shop: shop.shop_id }),
    await em.find(StorefrontAccessToken, { shop: shop.shop_id }),
    await em.find(App, { shop: shop.shop_id }),
    await em.getConnection().execute('select * from customer_access_token where shop_id = ?', [shop.shop_id]),
  ]);
  expect(stored).toContain(hashToken(cat.access_token));
  for (const secret of [shop.admin_token, shop.storefront_access_token, app.app_token, cat.access_token]) expect(stored).not.toContain(secret);
}, 60_000);

test('a command with a missing flag fails with a message and prints no secret', async () => {
  const err = await cartly('shop:create').catch((e: { code: number; stderr: string; stdout: string }) => e);
  expect(err).toMatchObject({ code: 1, stdout: '' });
  expect((err as { stderr: string }).stderr).toContain('--name is required');
}, 60_000);

test('admin tokens expire by default; admin-token:rotate issues a new one and revokes the old', async () => {
  const shop = await cartly('shop:create', '--name', 'Rotating Shop');
  const em = t.db.orm.em.fork();
  const [first] = await em.find(AdminToken, { shop: shop.shop_id });
  const days = (first!.expiresAt!.getTime() - Date.now()) / 86_400_000;
  expect(days).toBeGreaterThan(89);
  expect(days).toBeLessThanOrEqual(90);

  const rotated = await cartly('admin-token:rotate', '--shop', shop.shop_id, '--ttl-days', '7');
  expect(rotated).toEqual({ admin_token: expect.stringMatching(/^adm_/), expires_at: expect.any(String) });
  expect((await rest(t, 'GET', '/admin/customers', { bearer: shop.admin_token })).status).toBe(401);
  expect((await rest(t, 'GET', '/admin/customers', { bearer: rotated.admin_token })).status).toBe(200);

  // Past its expiry a token is refused.
  await em.nativeUpdate(AdminToken, { tokenHash: hashToken(rotated.admin_token) }, { expiresAt: new Date(Date.now() - 1000) });
  expect((await rest(t, 'GET', '/admin/customers', { bearer: rotated.admin_token })).status).toBe(401);
}, 60_000);
test('shop:create --country and --sat-ttl-days, app:install --ttl-days: stored, and refused when malformed', async () => {
  const shop = await cartly('shop:create', '--name', 'Lifetimes', '--country', 'GB', '--sat-ttl-days', '7');
  const em = t.db.orm.em.fork();
  expect((await em.findOneOrFail(Shop, { id: shop.shop_id })).country).toBe('GB');
  const sat = await em.findOneOrFail(StorefrontAccessToken, { tokenHash: hashToken(shop.storefront_access_token) });
  expect((sat.expiresAt!.getTime() - Date.now()) / 86_400_000).toBeCloseTo(7, 1);
  const app = await cartly('app:install', '--shop', shop.shop_id, '--name', 'Reviews', '--ttl-days', '30');
  const stored = await em.findOneOrFail(App, { clientId: app.app_client_id });
  expect((stored.tokenExpiresAt!.getTime() - Date.now()) / 86_400_000).toBeCloseTo(30, 1);
  for (const [args, message] of [
    [['shop:create', '--name', 'X', '--country', 'gb'], '--country must be an ISO 3166-1 alpha-2 country code'],
    [['shop:create', '--name', 'X', '--sat-ttl-days', '0'], '--sat-ttl-days must be a whole number of days, 1..366'],
    [['app:install', '--shop', shop.shop_id, '--name', 'Y', '--ttl-days', 'soon'], '--ttl-days must be a whole number of days'],
  ] as const) {
    const err = await cartly(...args).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 1, stdout: '' });
    expect((err as { stderr: string }).stderr).toContain(message);
  }
}, 180_000); // five CLI processes

test.each([
  [['customer:token', '--shop', 'not-a-uuid', '--email', 'a@example.com'], '--shop must be a shop id (a UUID'],
  [['customer:token', '--shop', '00000000-0000-4000-8000-000000000000', '--email', 'a@example.com'], 'no shop with id 00000000-0000-4000-8000-000000000000'],
  [['app:install', '--shop', '12345', '--name', 'X'], '--shop must be a shop id'],
  [['customer:token', '--shop', 'SHOP', '--email', 'nobody@example.com'], 'no customer with email nobody@example.com in shop'],
  [['customer:token', '--shop', 'SHOP', '--email', 'eve＠example.com'], '--email must be a plain email address'],
])('a CLI mistake is one clear line, never SQL: %j', async (args, message) => {
  const shop = await cartly('shop:create', '--name', 'Errors');
  const err = await cartly(...args.map((a) => (a === 'SHOP' ? shop.shop_id : a))).catch((e: unknown) => e);
  const stderr = (err as { stderr: string }).stderr.trim();
  expect(err).toMatchObject({ code: 1, stdout: '' });
  expect(stderr.split('\n')).toHaveLength(1);
  expect(stderr).toContain(message);
  expect(stderr).not.toMatch(/select|insert|uuid:|syntax|constraint/i);
});
