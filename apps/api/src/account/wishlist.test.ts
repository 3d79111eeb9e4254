import { afterAll, beforeAll, expect, test } from 'vitest';
import { WishlistItem } from '@cartly/db';
import { createLoggedInCustomer, createTwoShops, rest, startTestApi, type TestApi, type TestShop } from '../../test/harness.js';
import { createProduct } from '../../test/catalog.js';

let t: TestApi;
let shop: TestShop;
let other: TestShop;
let ann: { customerId: string; cat: string };
let bob: { customerId: string; cat: string };
let product: Awaited<ReturnType<typeof createProduct>>;

const PATH = '/storefront/v1/customer/wishlist';

beforeAll(async () => {
  t = await startTestApi();
  ({ shop, other } = await createTwoShops(t));
  ann = await createLoggedInCustomer(t, shop, 'ann@example.com');
  bob = await createLoggedInCustomer(t, shop, 'bob@example.com');
  product = await createProduct(t, shop);
});
afterAll(() => t.close());

const as = (c: { cat: string }) => ({ sat: shop.sat, bearer: c.cat });

test('save, list and remove a variant', async () => {
  const variant = product.variants[0]!;
  const added = await rest(t, 'POST', PATH, { ...as(ann), body: { variant_id: variant.id } });
  expect(added.status).toBe(200);
  expect(added.body).toMatchObject({ variant_id: variant.id, product_id: product.id, price_cents: 2000, variant_title: 'Small' });
  const list = await rest(t, 'GET', PATH, as(ann));
  expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([added.body.id]);
  expect((await rest(t, 'DELETE', `${PATH}/${added.body.id}`, as(ann))).status).toBe(200);
  expect((await rest(t, 'GET', PATH, as(ann))).body.items).toEqual([]);
});

test('the same variant twice is 409 and stored once, even when raced', async () => {
  const variant = product.variants[1]!;
  const results = await Promise.all(Array.from({ length: 5 }, () => rest(t, 'POST', PATH, { ...as(ann), body: { variant_id: variant.id } })));
  expect(results.filter((r) => r.status === 200)).toHaveLength(1);
  expect(results.filter((r) => r.status === 409)).toHaveLength(4);
  expect(await t.db.orm.em.fork().count(WishlistItem, { customer: ann.customerId, variant: variant.id })).toBe(1);
});

test('another customer\'s wishlist item is 404 and stays', async () => {
  const added = await rest(t, 'POST', PATH, { ...as(bob), body: { variant_id: product.variants[0]!.id } });
  expect((await rest(t, 'DELETE', `${PATH}/${added.body.id}`, as(ann))).status).toBe(404);
  expect((await rest(t, 'GET', PATH, as(bob))).body.items).toHaveLength(1);
});

test('a variant of another shop is 404', async () => {
  const foreign = await createProduct(t, other);
  const res = await rest(t, 'POST', PATH, { ...as(ann), body: { variant_id: foreign.variants[0]!.id } });
  expect(res.status).toBe(404);
  expect(res.body.error.message).toContain('variant_id');
});

test('a malformed variant id is a 400 naming the field', async () => {
  const res = await rest(t, 'POST', PATH, { ...as(ann), body: { variant_id: 'nope' } });
  expect(res.status).toBe(400);
  expect(res.body.error.details.issues[0].field).toBe('variant_id');
});
