import { afterAll, beforeAll, expect, test } from 'vitest';
import { createLoggedInCustomer, createShop, rest, startTestApi, trpcClient, type TestApi, type TestShop } from '../../test/harness.js';
import { createOrder, createProduct } from '../../test/catalog.js';

let t: TestApi;
let shop: TestShop;
let ann: { customerId: string; cat: string };
let bob: { customerId: string; cat: string };
let annOrder: Awaited<ReturnType<typeof createOrder>>;
let bobOrder: Awaited<ReturnType<typeof createOrder>>;

beforeAll(async () => {
  t = await startTestApi();
  shop = await createShop(t);
  ann = await createLoggedInCustomer(t, shop, 'ann@example.com');
  bob = await createLoggedInCustomer(t, shop, 'bob@example.com');
  const product = await createProduct(t, shop);
  annOrder = await createOrder(t, shop, ann.customerId, [
    { variant_id: product.variants[0]!.id, quantity: 2 },
    { variant_id: product.variants[1]!.id, quantity: 1 },
  ]);
  bobOrder = await createOrder(t, shop, bob.customerId, [{ variant_id: product.variants[0]!.id, quantity: 1 }]);
  await rest(t, 'POST', `/admin/orders/${annOrder.id}/fulfillments`, {
    bearer: shop.adminToken,
    body: { lines: [{ order_line_id: annOrder.lines[0]!.id, quantity: 1 }], tracking_number: 'TRACK-1' },
  });
});
afterAll(() => t.close());

const as = (c: { cat: string }) => ({ sat: shop.sat, bearer: c.cat });

test('the customer sees only their own orders', async () => {
  const list = await rest(t, 'GET', '/storefront/v1/customer/orders', as(ann));
  expect(list.status).toBe(200);
  expect(list.body.items.map((o: { id: string }) => o.id)).toEqual([annOrder.id]);
  expect(list.body.items[0]).toMatchObject({ total_cents: 6500, financial_status: 'paid', fulfillment_status: 'partial' });
});

test('an order shows its lines and what has shipped', async () => {
  const res = await rest(t, 'GET', `/storefront/v1/customer/orders/${annOrder.id}`, as(ann));
  expect(res.status).toBe(200);
  expect(res.body.lines).toHaveLength(2);
  expect(res.body.lines[0]).toMatchObject({ quantity: 2, fulfilled_quantity: 1, unit_price_cents: 2000 });
  expect(res.body.fulfillments).toEqual([
    expect.objectContaining({ tracking_number: 'TRACK-1', lines: [{ order_line_id: annOrder.lines[0]!.id, quantity: 1 }] }),
  ]);
});

test('another customer\'s order id is 404 over REST and tRPC', async () => {
  expect((await rest(t, 'GET', `/storefront/v1/customer/orders/${bobOrder.id}`, as(ann))).status).toBe(404);
  const err = await trpcClient(t, as(ann)).account.orders.get.query({ id: bobOrder.id }).catch((e: { data?: { httpStatus?: number } }) => e);
  expect((err as { data?: { httpStatus?: number } }).data?.httpStatus).toBe(404);
});
