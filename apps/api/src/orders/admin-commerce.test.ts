import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Order } from '@cartly/db';
import { createTwoShops, rest, startTestApi, trpcClient, type TestApi, type TestShop } from '../../test/harness.js';
import { createOrder, createProduct } from '../../test/catalog.js';

let t: TestApi;
let shop: TestShop;
let other: TestShop;

beforeAll(async () => {
  t = await startTestApi();
  ({ shop, other } = await createTwoShops(t));
});
afterAll(() => t.close());

const admin = () => ({ bearer: shop.adminToken });

describe('customers', () => {
  test('create, get, find by email; emails are normalised and unique', async () => {
    const created = await rest(t, 'POST', '/admin/customers', { ...admin(), body: { email: '  Zoe@Example.COM ', first_name: 'Zoe' } });
    expect(created.status).toBe(200);
    expect(created.body.email).toBe('zoe@example.com');
    const got = await rest(t, 'GET', `/admin/customers/${created.body.id}`, admin());
    expect(got.body).toEqual(created.body);
    const found = await rest(t, 'GET', '/admin/customers?email=%20Zoe@Example.COM', admin());
    expect(found.body.items).toEqual([created.body]);
    const dup = await rest(t, 'POST', '/admin/customers', { ...admin(), body: { email: 'zoe@example.com' } });
    expect(dup.status).toBe(409);
  });

  test('the same email may exist in another shop', async () => {
    const res = await rest(t, 'POST', '/admin/customers', { bearer: other.adminToken, body: { email: 'zoe@example.com' } });
    expect(res.status).toBe(200);
  });

  test('a customer needs an email or a phone', async () => {
    const res = await rest(t, 'POST', '/admin/customers', { ...admin(), body: { first_name: 'Nobody' } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('email');
  });
});

describe('products, orders and fulfilments', () => {
  test('an order is priced from its variants and paid in full', async () => {
    const customer = (await rest(t, 'POST', '/admin/customers', { ...admin(), body: { email: 'buyer@example.com' } })).body;
    const product = await createProduct(t, shop);
    const order = await createOrder(t, shop, customer.id, [
      { variant_id: product.variants[0]!.id, quantity: 3 },
      { variant_id: product.variants[1]!.id, quantity: 1 },
    ]);
    expect(order).toMatchObject({ total_cents: 8500, number: 1001 });
    const listed = await rest(t, 'GET', `/admin/orders?customer_id=${customer.id}`, admin());
    expect(listed.body.items.map((o: { id: string }) => o.id)).toEqual([order.id]);

    const partial = await rest(t, 'POST', `/admin/orders/${order.id}/fulfillments`, {
      ...admin(),
      body: { lines: [{ order_line_id: order.lines[0]!.id, quantity: 2 }] },
    });
    expect(partial.status).toBe(200);
    expect(partial.body.fulfillment_status).toBe('partial');

    const over = await rest(t, 'POST', `/admin/orders/${order.id}/fulfillments`, {
      ...admin(),
      body: { lines: [{ order_line_id: order.lines[0]!.id, quantity: 2 }] },
    });
    expect(over.status).toBe(422);
    expect(over.body.error.message).toContain('remain unfulfilled');

    const rest_ = await rest(t, 'POST', `/admin/orders/${order.id}/fulfillments`, { ...admin(), body: {} });
    expect(rest_.body.fulfillment_status).toBe('fulfilled');
    expect(rest_.body.lines.map((l: { fulfilled_quantity: number }) => l.fulfilled_quantity)).toEqual([3, 1]);
    expect(rest_.body.fulfillments).toHaveLength(2);
  });

  test('an order cannot use another shop\'s customer or variant, and writes nothing', async () => {
    const foreignProduct = await createProduct(t, other);
    const customer = (await rest(t, 'POST', '/admin/customers', { ...admin(), body: { email: 'x@example.com' } })).body;
    const before = await t.db.orm.em.fork().count(Order, {});
    const res = await rest(t, 'POST', '/admin/orders', {
      ...admin(),
      body: { customer_id: customer.id, lines: [{ variant_id: foreignProduct.variants[0]!.id, quantity: 1 }] },
    });
    expect(res.status).toBe(404);
    expect(await t.db.orm.em.fork().count(Order, {})).toBe(before);
    const otherCustomer = (await rest(t, 'POST', '/admin/customers', { bearer: other.adminToken, body: { email: 'y@example.com' } })).body;
    const res2 = await rest(t, 'POST', '/admin/orders', {
      ...admin(),
      body: { customer_id: otherCustomer.id, lines: [{ variant_id: foreignProduct.variants[0]!.id, quantity: 1 }] },
    });
    expect(res2.status).toBe(404);
  });

  test('another shop\'s order is 404 to read and to fulfil', async () => {
    const product = await createProduct(t, other);
    const customer = (await rest(t, 'POST', '/admin/customers', { bearer: other.adminToken, body: { email: 'o@example.com' } })).body;
    const order = await createOrder(t, other, customer.id, [{ variant_id: product.variants[0]!.id, quantity: 1 }]);
    expect((await rest(t, 'GET', `/admin/orders/${order.id}`, admin())).status).toBe(404);
    expect((await rest(t, 'POST', `/admin/orders/${order.id}/fulfillments`, { ...admin(), body: {} })).status).toBe(404);
  });

  test('products list with variants over the typed client', async () => {
    const product = await createProduct(t, shop, 'Mug');
    const page = await trpcClient(t, admin()).catalog.products.adminList.query({ limit: 100 });
    const found = page.items.find((p) => p.id === product.id);
    expect(found?.variants.map((v) => v.price_cents)).toEqual([2000, 2500]);
  });
});
