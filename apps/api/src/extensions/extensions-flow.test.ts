import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TRPCClientError } from '@trpc/client';
import { AdminToken, ExtensionBlock, ExtensionBlockVersion, EXTENSION_POINTS, EXTENSION_BLOCK_KINDS, ReturnRequest, ReturnRequestLine, uuidv7 } from '@cartly/db';
import { rmaWorkflowId } from '@cartly/contracts/workflows';
import { BLOCK_KIND_VALUES, EXTENSION_POINT_VALUES } from '@cartly/contracts/extensions';
import { newToken } from '../auth/tokens.js';
import { createLoggedInCustomer, createShop, rest, startTestApi, trpcClient, type TestApi, type TestShop } from '../../test/harness.js';
import { fulfilledOrder } from '../../test/returns.js';
import { adminBlocks, blockPath, installApp, liquid, registered, slot, uninstallApp, upsertBlock, type TestApp } from '../../test/extensions.js';

/*
 * Extension points end to end over HTTP against real PostgreSQL: an app
 * registers blocks, the storefront asks for a slot, the merchant arranges it.
 */

let t: TestApi;
let shop: TestShop;
let reviews: TestApp;
let loyalty: TestApp;

beforeAll(async () => {
  // Generous render limits: these tests are about content and rules; liquid-sandbox.test.ts tests the limits.
  t = await startTestApi({ EXTENSIONS_BLOCK_RENDER_MS: 2_000, EXTENSIONS_RENDER_BUDGET_MS: 5_000 });
  shop = await createShop(t, 'Flow Shop');
  reviews = await installApp(t, shop, 'Reviews', ['reviews.example.com']);
  loyalty = await installApp(t, shop, 'Loyalty', ['loyalty.example.com']);
});
afterAll(() => t.close());

test('the API and the database speak the same slot and kind vocabulary', () => {
  expect([...EXTENSION_POINT_VALUES]).toEqual([...EXTENSION_POINTS]);
  expect([...BLOCK_KIND_VALUES]).toEqual([...EXTENSION_BLOCK_KINDS]);
});

test('register → query → reorder, disable, delete; an upsert of the same slug updates in place and bumps the version', async () => {
  const first = await upsertBlock(t, reviews, 'stars', liquid('<p>Hello {{ shop.name }}</p>', { point: 'sidebar', settings: { color: 'red' } }));
  expect(first.status, JSON.stringify(first.body)).toBe(200);
  expect(first.body).toMatchObject({ slug: 'stars', point: 'sidebar', kind: 'liquid', version: 1, enabled: true, merchant_enabled: true, position: 0 });
  const frame = await registered(t, loyalty, 'points', { point: 'sidebar', kind: 'iframe', title: 'Points', url: 'https://loyalty.example.com/embed?x=1' });
  const tree = await registered(t, reviews, 'ask', {
    point: 'sidebar', kind: 'remote_ui', title: 'Ask',
    tree: { type: 'Stack', children: [{ type: 'Heading', text: 'Rate us' }, { type: 'Button', text: 'Go', action: { type: 'event', name: 'rate.open' } }] },
  });

  let res = await slot(t, shop, 'sidebar');
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.items.map((b: any) => b.slug)).toEqual(['stars', 'points', 'ask']);
  const [stars, points, ask] = res.body.items;
  expect(stars).toMatchObject({ kind: 'liquid', html: '<p>Hello Flow Shop</p>', iframe: null, tree: null, settings: { color: 'red' }, app: { name: 'Reviews', client_id: reviews.clientId } });
  expect(points).toMatchObject({
    kind: 'iframe', html: null,
    iframe: { url: 'https://loyalty.example.com/embed?x=1', sandbox: expect.stringContaining('allow-scripts'), allow: expect.stringContaining("camera 'none'") },
  });
  expect(points.iframe.sandbox).not.toMatch(/allow-same-origin|allow-top-navigation/);
  expect(ask.tree).toEqual({ type: 'Stack', children: [{ type: 'Heading', text: 'Rate us' }, { type: 'Button', text: 'Go', action: { type: 'event', name: 'rate.open' } }] });

  // The same slug again: same block, new content, version 2, and the version history keeps both.
  const second = await upsertBlock(t, reviews, 'stars', liquid('<p>Hi again</p>', { point: 'sidebar', settings: { color: 'blue' } }));
  expect(second.body).toMatchObject({ id: first.body.id, version: 2, template: '<p>Hi again</p>' });
  expect((await slot(t, shop, 'sidebar')).body.items[0]).toMatchObject({ id: first.body.id, html: '<p>Hi again</p>', version: 2 });
  const em = t.db.orm.em.fork();
  expect(await em.count(ExtensionBlock, { shop: shop.shopId, slug: 'stars' })).toBe(1);
  expect((await em.find(ExtensionBlockVersion, { block: first.body.id }, { orderBy: { version: 'asc' } })).map((v) => v.template)).toEqual([
    '<p>Hello {{ shop.name }}</p>', '<p>Hi again</p>',
  ]);

  // The merchant moves "ask" first, switches "points" off, and removes "stars".
  res = await rest(t, 'PUT', `/admin/customer-portal/extensions/${tree}`, { bearer: shop.adminToken, body: { position: 0 } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body).toMatchObject({ position: 0, point: 'sidebar' });
  expect((await slot(t, shop, 'sidebar')).body.items.map((b: any) => b.slug)).toEqual(['ask', 'stars', 'points']);
  expect((await adminBlocks(t, shop, 'sidebar')).body.items.map((b: any) => [b.slug, b.position])).toEqual([['ask', 0], ['stars', 1], ['points', 2]]);

  res = await rest(t, 'PUT', `/admin/customer-portal/extensions/${frame}`, { bearer: shop.adminToken, body: { enabled: false } });
  expect(res.body).toMatchObject({ enabled: false, app_enabled: true, active: false });
  expect((await slot(t, shop, 'sidebar')).body.items.map((b: any) => b.slug)).toEqual(['ask', 'stars']);
  // An app re-registering its block does not switch the merchant's "off" back on.
  await registered(t, loyalty, 'points', { point: 'sidebar', kind: 'iframe', title: 'Points', url: 'https://loyalty.example.com/embed?x=2' });
  expect((await slot(t, shop, 'sidebar')).body.items.map((b: any) => b.slug)).toEqual(['ask', 'stars']);

  res = await rest(t, 'DELETE', `/admin/customer-portal/extensions/${first.body.id}`, { bearer: shop.adminToken });
  expect(res.status).toBe(200);
  expect((await slot(t, shop, 'sidebar')).body.items.map((b: any) => b.slug)).toEqual(['ask']);
  expect(await em.count(ExtensionBlockVersion, { block: first.body.id })).toBe(0);
  expect((await rest(t, 'GET', blockPath('stars'), { bearer: reviews.appToken })).status).toBe(404);
});

test('the app switch, GET and DELETE of the app\'s own block', async () => {
  await registered(t, reviews, 'banner', liquid('<p>Sale</p>', { point: 'header', enabled: false }));
  expect((await slot(t, shop, 'header')).body.items).toEqual([]);
  const got = await rest(t, 'GET', blockPath('banner'), { bearer: reviews.appToken });
  expect(got.body).toMatchObject({ slug: 'banner', enabled: false, version: 1, last_render_error: null });
  await registered(t, reviews, 'banner', liquid('<p>Sale</p>', { point: 'header' }));
  expect((await slot(t, shop, 'header')).body.items.map((b: any) => b.html)).toEqual(['<p>Sale</p>']);
  expect((await rest(t, 'DELETE', blockPath('banner'), { bearer: reviews.appToken })).body).toEqual({ ok: true });
  expect((await rest(t, 'DELETE', blockPath('banner'), { bearer: reviews.appToken })).status).toBe(404);
  expect((await slot(t, shop, 'header')).body.items).toEqual([]);
});

describe('moves and settings follow the block\'s rules', () => {
  test('a block moves only to a slot it allows; both slots are renumbered', async () => {
    const id = await registered(t, reviews, 'movable', liquid('<p>m</p>', { point: 'footer', allowed_points: ['header'] }));
    const other = await registered(t, loyalty, 'stay', liquid('<p>s</p>', { point: 'footer' }));
    let res = await rest(t, 'PUT', `/admin/customer-portal/extensions/${id}`, { bearer: shop.adminToken, body: { point: 'sidebar' } });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/^point: this block may only be placed in footer, header/);
    res = await rest(t, 'PUT', `/admin/customer-portal/extensions/${id}`, { bearer: shop.adminToken, body: { point: 'header', position: 99 } });
    expect(res.body).toMatchObject({ point: 'header', position: 0 });
    expect((await adminBlocks(t, shop, 'footer')).body.items.map((b: any) => [b.id, b.position])).toEqual([[other, 0]]);
    // The app re-registers: the merchant's placement stays, as it is still allowed.
    await registered(t, reviews, 'movable', liquid('<p>m2</p>', { point: 'footer', allowed_points: ['header'] }));
    expect((await slot(t, shop, 'header')).body.items.map((b: any) => b.html)).toEqual(['<p>m2</p>']);
    // It stops allowing the header: the block goes back to the app's slot.
    await registered(t, reviews, 'movable', liquid('<p>m3</p>', { point: 'footer' }));
    expect((await slot(t, shop, 'footer')).body.items.map((b: any) => b.html)).toEqual(['<p>s</p>', '<p>m3</p>']);
  });

  test('the merchant overrides only settings the app defined; Liquid sees the effective values', async () => {
    const id = await registered(t, reviews, 'greeting', liquid('<p>{{ settings.headline }} / {{ settings.size }}</p>', { point: 'return_detail', settings: { headline: 'Hi', size: 2 } }));
    let res = await rest(t, 'PUT', `/admin/customer-portal/extensions/${id}`, { bearer: shop.adminToken, body: { settings: { unknown: 1 } } });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/settings\.unknown: the app defines no such setting/);
    res = await rest(t, 'PUT', `/admin/customer-portal/extensions/${id}`, { bearer: shop.adminToken, body: { settings: { headline: 'Welcome back' } } });
    expect(res.body).toMatchObject({ settings: { headline: 'Welcome back', size: 2 }, settings_override: { headline: 'Welcome back' } });
    expect((await slot(t, shop, 'return_detail')).body.items[0].html).toBe('<p>Welcome back / 2</p>');
    res = await rest(t, 'PUT', `/admin/customer-portal/extensions/${id}`, { bearer: shop.adminToken, body: { settings: { headline: null } } });
    expect(res.body.settings_override).toEqual({});
  });

  test('malformed admin edits are 400 naming the field and change nothing', async () => {
    const id = await registered(t, reviews, 'plain', liquid('<p>p</p>', { point: 'footer' }));
    const before = (await adminBlocks(t, shop)).body;
    for (const [body, field] of [
      [{ position: -1 }, /position/],
      [{ point: 'basement' }, /point/],
      [{}, /at least one of/],
      [{ enabled: true, version: 9 }, /version: is not a known field/],
      [{ settings: { 'Bad Name': 1 } }, /settings/],
    ] as const) {
      const res = await rest(t, 'PUT', `/admin/customer-portal/extensions/${id}`, { bearer: shop.adminToken, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.message).toMatch(field);
    }
    expect((await adminBlocks(t, shop)).body).toEqual(before);
  });
});

describe('isolation: apps, shops, installs, scopes', () => {
  test('an app cannot read, change or delete another app\'s block: same slug, different block', async () => {
    const mine = await registered(t, reviews, 'shared-name', liquid('<p>reviews</p>', { point: 'order_detail' }));
    expect((await rest(t, 'GET', blockPath('shared-name'), { bearer: loyalty.appToken })).status).toBe(404);
    expect((await rest(t, 'DELETE', blockPath('shared-name'), { bearer: loyalty.appToken })).status).toBe(404);
    const theirs = await registered(t, loyalty, 'shared-name', liquid('<p>loyalty</p>', { point: 'order_detail' }));
    expect(theirs).not.toBe(mine);
    expect((await rest(t, 'GET', blockPath('shared-name'), { bearer: reviews.appToken })).body.template).toBe('<p>reviews</p>');
    expect((await slot(t, shop, 'order_detail')).body.items.map((b: any) => b.html)).toEqual(['<p>reviews</p>', '<p>loyalty</p>']);
  });

  test('a SAT of another shop never sees this shop\'s blocks; its admin gets 404 for them', async () => {
    const other = await createShop(t, 'Other Shop');
    const id = await registered(t, reviews, 'private', liquid('<p>secret</p>', { point: 'header' }));
    expect((await slot(t, other, 'header')).body.items).toEqual([]);
    expect((await adminBlocks(t, other)).body.items).toEqual([]);
    for (const [method, body] of [['PUT', { enabled: false }], ['DELETE', undefined]] as const) {
      expect((await rest(t, method, `/admin/customer-portal/extensions/${id}`, { bearer: other.adminToken, body })).status).toBe(404);
    }
    expect((await rest(t, 'PUT', `/admin/customer-portal/extension-apps/${reviews.appId}`, { bearer: other.adminToken, body: { iframe_hosts: ['evil.example.com'] } })).status).toBe(404);
    // An app installed on the other shop with the same slug is a separate block there.
    const otherApp = await installApp(t, other, 'Reviews');
    await registered(t, otherApp, 'private', liquid('<p>theirs</p>', { point: 'header' }));
    expect((await slot(t, other, 'header')).body.items.map((b: any) => b.html)).toEqual(['<p>theirs</p>']);
    expect((await slot(t, shop, 'header')).body.items.map((b: any) => b.html)).toContain('<p>secret</p>');
  });

  test('uninstalling an app hides its blocks everywhere, and its token stops working', async () => {
    const temp = await installApp(t, shop, 'Temporary');
    const id = await registered(t, temp, 'soon-gone', liquid('<p>temp</p>', { point: 'footer' }));
    expect((await slot(t, shop, 'footer')).body.items.map((b: any) => b.id)).toContain(id);
    await uninstallApp(t, temp);
    expect((await slot(t, shop, 'footer')).body.items.map((b: any) => b.id)).not.toContain(id);
    expect((await adminBlocks(t, shop)).body.items.map((b: any) => b.id)).not.toContain(id);
    expect((await rest(t, 'PUT', `/admin/customer-portal/extensions/${id}`, { bearer: shop.adminToken, body: { enabled: true } })).status).toBe(404);
    expect((await rest(t, 'GET', blockPath('soon-gone'), { bearer: temp.appToken })).status).toBe(401);
  });

  test('credentials: no SAT or a bad CAT is 401; an admin token without the scope is 403; other tokens are 401', async () => {
    expect((await rest(t, 'GET', '/storefront/v1/portal/extensions?point=header')).status).toBe(401);
    expect((await rest(t, 'GET', '/storefront/v1/portal/extensions?point=header', { sat: shop.sat, bearer: 'cat_nope' })).status).toBe(401);
    const other = await createShop(t, 'Third');
    const foreign = await createLoggedInCustomer(t, other, 'foreign@example.com');
    expect((await slot(t, shop, 'header', { cat: foreign.cat })).status).toBe(401);
    expect((await rest(t, 'POST', blockPath('x'), { bearer: shop.adminToken, body: liquid('x') })).status).toBe(401);
    expect((await rest(t, 'GET', '/admin/customer-portal/extensions', { bearer: reviews.appToken })).status).toBe(401);

    const { token, hash } = newToken('adm');
    const em = t.db.orm.em.fork();
    em.create(AdminToken, { shop: shop.shopId, title: 'Readonly', tokenHash: hash, scopes: ['read_extensions'] });
    await em.flush();
    expect((await rest(t, 'GET', '/admin/customer-portal/extensions', { bearer: token })).status).toBe(200);
    const res = await rest(t, 'DELETE', '/admin/customer-portal/extensions/01900000-0000-7000-8000-000000000000', { bearer: token });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/write_extensions/);
    expect((await rest(t, 'PUT', `/admin/customer-portal/extension-apps/${reviews.appId}`, { bearer: token, body: { iframe_hosts: [] } })).status).toBe(403);
  });

  test('storefront query input: unknown slot, an order id outside order_detail, unknown fields are 400 naming the field', async () => {
    for (const [query, field] of [
      ['point=basement', /point/],
      ['point=header&order_id=01900000-0000-7000-8000-000000000000', /order_id: is only for point "order_detail"/],
      ['point=order_detail&order_id=42', /order_id/],
      ['point=header&debug=1', /debug: is not a known field/],
    ] as const) {
      const res = await rest(t, 'GET', `/storefront/v1/portal/extensions?${query}`, { sat: shop.sat });
      expect(res.status, query).toBe(400);
      expect(res.body.error.message).toMatch(field);
    }
  });
});

describe('the Liquid context: the shop always, the customer and their own order only', () => {
  const template = '<p>{{ shop.name }}|{{ shop.currency }}|{{ shop.locale }}|{{ customer.id }}|{{ customer.first_name }}|{{ customer.email }}|{{ order.id }}|{{ order.number }}|{{ order.lines | size }}</p>';

  test('only the CAT\'s own customer, and an order of another customer renders without order data', async () => {
    const ctxShop = await createShop(t, 'Context Shop');
    const app = await installApp(t, ctxShop, 'Ctx');
    await registered(t, app, 'ctx', liquid(template, { point: 'order_detail' }));
    const ann = await createLoggedInCustomer(t, ctxShop, 'ann@example.com');
    const bob = await createLoggedInCustomer(t, ctxShop, 'bob@example.com');
    const annOrder = await fulfilledOrder(t, ctxShop, ann.customerId);
    const html = async (opts: Parameters<typeof slot>[3]) => {
      const res = await slot(t, ctxShop, 'order_detail', opts);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.items[0].html as string;
    };
    expect(await html({})).toBe('<p>Context Shop|USD|en||||||0</p>');
    expect(await html({ cat: ann.cat })).toBe(`<p>Context Shop|USD|en|${ann.customerId}|Test|ann@example.com|||0</p>`);
    expect(await html({ cat: ann.cat, order_id: annOrder.id })).toBe(
      `<p>Context Shop|USD|en|${ann.customerId}|Test|ann@example.com|${annOrder.id}|${annOrder.number}|2</p>`,
    );
    // Bob asks with Ann's order id: no order, exactly like an id that does not exist; without a CAT neither.
    const bobs = await html({ cat: bob.cat, order_id: annOrder.id });
    expect(bobs).toBe(`<p>Context Shop|USD|en|${bob.customerId}|Test|bob@example.com|||0</p>`);
    expect(await html({ cat: bob.cat, order_id: '01900000-0000-7000-8000-000000000000' })).toBe(bobs);
    expect(await html({ order_id: annOrder.id })).toBe('<p>Context Shop|USD|en||||||0</p>');
  });
});

describe('the return context', () => {
  test('a return_detail block sees the customer\'s own return only; another customer\'s id renders without it', async () => {
    const retShop = await createShop(t, 'Returns Shop');
    const app = await installApp(t, retShop, 'Ret');
    await registered(t, app, 'ret', liquid('<p>{{ return.status }}|{{ return.order_number }}|{{ return.refund_cents }}|{% for l in return.lines %}{{ l.title }}×{{ l.quantity }} {{ l.reason }}{% endfor %}</p>', { point: 'return_detail' }));
    const ann = await createLoggedInCustomer(t, retShop, 'ann@example.com');
    const bob = await createLoggedInCustomer(t, retShop, 'bob@example.com');
    const order = await fulfilledOrder(t, retShop, ann.customerId);
    // A return request as the returns domain records it (its workflow plays no part in what a block sees).
    const em = t.db.orm.em.fork();
    const id = uuidv7();
    em.create(ReturnRequest, {
      id, shop: retShop.shopId, customer: ann.customerId, order: order.id, status: 'requested', currency: 'USD', amountCents: 2000,
      expiresAt: new Date(Date.now() + 86_400_000), workflowId: rmaWorkflowId(id),
    });
    em.create(ReturnRequestLine, { shop: retShop.shopId, returnRequest: id, orderLine: order.small, quantity: 1, reason: 'damaged' });
    await em.flush();
    const html = async (cat: string) => (await slot(t, retShop, 'return_detail', { cat, return_id: id })).body.items[0].html;
    expect(await html(ann.cat)).toMatch(new RegExp(`^<p>requested\\|${order.number}\\|2000\\|.+×1 damaged</p>$`));
    expect(await html(bob.cat)).toBe('<p>|||</p>');
  });
});

describe('iframe host allow-list: set at install, edited by the merchant', () => {
  test('listing and editing the hosts; a frame whose host leaves the list is no longer served', async () => {
    const hostShop = await createShop(t, 'Hosts');
    const app = await installApp(t, hostShop, 'Framer', ['frames.example.com']);
    let res = await rest(t, 'GET', '/admin/customer-portal/extension-apps', { bearer: hostShop.adminToken });
    expect(res.body.items).toEqual([expect.objectContaining({ id: app.appId, iframe_hosts: ['frames.example.com'], blocks: 0 })]);
    expect((await upsertBlock(t, app, 'f', { point: 'footer', kind: 'iframe', title: 'F', url: 'https://new.example.com/x' })).status).toBe(400);
    await registered(t, app, 'f', { point: 'footer', kind: 'iframe', title: 'F', url: 'https://frames.example.com/x' });

    res = await rest(t, 'PUT', `/admin/customer-portal/extension-apps/${app.appId}`, { bearer: hostShop.adminToken, body: { iframe_hosts: ['New.Example.com', 'new.example.com'] } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ iframe_hosts: ['new.example.com'], blocks: 1 });
    expect((await slot(t, hostShop, 'footer')).body.items).toEqual([]);
    expect((await adminBlocks(t, hostShop)).body.items[0].last_render_error).toMatchObject({ kind: 'error', message: expect.stringMatching(/not on this app's iframe allow-list/) });
    await registered(t, app, 'f', { point: 'footer', kind: 'iframe', title: 'F', url: 'https://new.example.com/x' });
    expect((await slot(t, hostShop, 'footer')).body.items.map((b: any) => b.iframe.url)).toEqual(['https://new.example.com/x']);

    for (const host of ['127.0.0.1', 'https://x.example.com', 'x.example.com/path', '[::1]', 'localhost', 'a..b.com']) {
      res = await rest(t, 'PUT', `/admin/customer-portal/extension-apps/${app.appId}`, { bearer: hostShop.adminToken, body: { iframe_hosts: [host] } });
      expect(res.status, host).toBe(400);
      expect(res.body.error.message).toMatch(/iframe_hosts\.0/);
    }
  });
});

test('the typed tRPC client: app, storefront and admin faces', async () => {
  const typedShop = await createShop(t, 'Typed Shop');
  const app = await installApp(t, typedShop, 'Typed');
  const { cat, customerId } = await createLoggedInCustomer(t, typedShop, 'typed@example.com');
  const appClient = trpcClient(t, { bearer: app.appToken }).extensions.blocks;
  const block = await appClient.upsert.mutate({ slug: 'hello', point: 'header', kind: 'liquid', title: 'Hello', template: '<b>Hi {{ customer.first_name }}</b>' });
  expect(block).toMatchObject({ slug: 'hello', version: 1 });
  expect(await appClient.get.query({ slug: 'hello' })).toMatchObject({ id: block.id, template: '<b>Hi {{ customer.first_name }}</b>' });

  const portal = trpcClient(t, { sat: typedShop.sat, bearer: cat }).extensions.portal;
  expect((await portal.list.query({ point: 'header' })).items.map((b) => b.html)).toEqual(['<b>Hi Test</b>']);
  const anonymous = trpcClient(t, { sat: typedShop.sat }).extensions.portal;
  expect((await anonymous.list.query({ point: 'header' })).items.map((b) => b.html)).toEqual(['<b>Hi </b>']);

  const admin = trpcClient(t, { bearer: typedShop.adminToken }).extensions;
  const [listed] = (await admin.blocks.adminList.query({})).items;
  expect(listed).toMatchObject({ id: block.id, app: { id: app.appId }, enabled: true, active: true });
  expect(await admin.blocks.adminUpdate.mutate({ id: block.id, enabled: false })).toMatchObject({ enabled: false, active: false });
  expect((await portal.list.query({ point: 'header' })).items).toEqual([]);
  expect((await admin.apps.adminUpdate.mutate({ id: app.appId, iframe_hosts: ['typed.example.com'] })).iframe_hosts).toEqual(['typed.example.com']);
  expect(await admin.blocks.adminDelete.mutate({ id: block.id })).toEqual({ ok: true });

  const refused = await appClient.upsert.mutate({ slug: 'bad', point: 'header', kind: 'liquid', title: 'Bad', template: '{% if %}' }).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(TRPCClientError);
  expect((refused as TRPCClientError<any>).data?.httpStatus).toBe(400);
  expect((refused as TRPCClientError<any>).message).toMatch(/^template: line 1/);
  await expect(trpcClient(t, { bearer: app.appToken }).extensions.blocks.delete.mutate({ slug: 'nope' })).rejects.toThrow(/no block with that slug/);
  expect(customerId).toBeTruthy();
});

test('concurrent merchant moves within a slot always leave positions 0..n-1, each block once', async () => {
  const moveShop = await createShop(t, 'Moves');
  const app = await installApp(t, moveShop, 'Mover');
  const ids: string[] = [];
  for (let i = 0; i < 6; i++) ids.push(await registered(t, app, `m${i}`, liquid(`<p>${i}</p>`, { point: 'sidebar' })));
  const moves = ids.map((id, i) => rest(t, 'PUT', `/admin/customer-portal/extensions/${id}`, { bearer: moveShop.adminToken, body: { position: (i * 7) % 6 } }));
  const results = await Promise.all(moves);
  expect(results.map((r) => r.status)).toEqual(ids.map(() => 200));
  const listed = (await adminBlocks(t, moveShop, 'sidebar')).body.items as { id: string; position: number }[];
  expect(listed.map((b) => b.position)).toEqual([0, 1, 2, 3, 4, 5]);
  expect(new Set(listed.map((b) => b.id))).toEqual(new Set(ids));
});

test('concurrent first upserts of one slug make one block with consecutive versions', async () => {
  const raceShop = await createShop(t, 'Race');
  const app = await installApp(t, raceShop, 'Racer');
  const results = await Promise.all(Array.from({ length: 6 }, (_, i) => upsertBlock(t, app, 'race', liquid(`<p>${i}</p>`))));
  expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
  expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
  expect(results.map((r) => r.body.version).sort()).toEqual([1, 2, 3, 4, 5, 6]);
  const em = t.db.orm.em.fork();
  expect(await em.count(ExtensionBlockVersion, { shop: raceShop.shopId })).toBe(6);
});
