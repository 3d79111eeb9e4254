import { afterAll, beforeAll, expect, test } from 'vitest';
import { TRPCClientError } from '@trpc/client';
import { createLoggedInCustomer, createShop, startTestApi, trpcClient, type TestApi, type TestShop } from '../../test/harness.js';

/*
 * Every foundation endpoint through the typed tRPC client, as the widget
 * calls them: the same contracts and rules as the REST paths.
 */

let t: TestApi;
let shop: TestShop;

beforeAll(async () => {
  t = await startTestApi();
  shop = await createShop(t);
});
afterAll(() => t.close());

test('merchant back office: customers, products, orders, fulfilments', async () => {
  const admin = trpcClient(t, { bearer: shop.adminToken });
  const customer = await admin.customers.adminCreate.mutate({ email: 'typed@example.com', first_name: 'Ty' });
  expect(await admin.customers.adminGet.query({ id: customer.id })).toEqual(customer);
  expect((await admin.customers.adminList.query({ email: 'typed@example.com' })).items).toEqual([customer]);

  const product = await admin.catalog.products.adminCreate.mutate({ title: 'Typed Tee', variants: [{ title: 'One', price_cents: 1500 }] });
  expect(product.handle).toBe('typed-tee');
  expect((await admin.catalog.products.adminList.query({})).items.map((p) => p.id)).toContain(product.id);

  const order = await admin.orders.adminCreate.mutate({ customer_id: customer.id, lines: [{ variant_id: product.variants[0]!.id, quantity: 2 }] });
  expect(order.total_cents).toBe(3000);
  expect((await admin.orders.adminList.query({ customer_id: customer.id })).items.map((o) => o.id)).toEqual([order.id]);
  const fulfilled = await admin.orders.fulfillments.adminCreate.mutate({ id: order.id, tracking_number: 'T-1' });
  expect(fulfilled.fulfillment_status).toBe('fulfilled');
  expect((await admin.orders.adminGet.query({ id: order.id })).fulfillments).toHaveLength(1);
});

test('customer: profile, addresses, wishlist, orders, logout', async () => {
  const { cat } = await createLoggedInCustomer(t, shop, 'typed-customer@example.com');
  const customer = trpcClient(t, { sat: shop.sat, bearer: cat });
  const admin = trpcClient(t, { bearer: shop.adminToken });

  const profile = await customer.account.profile.update.mutate({ first_name: 'Tia', phone: '+442071838750' });
  expect(await customer.account.profile.get.query()).toEqual(profile);

  const address = await customer.account.addresses.create.mutate({ address1: '1 Typed Way', city: 'Leeds', country_code: 'GB' });
  const updated = await customer.account.addresses.update.mutate({ id: address.id, city: 'York' });
  expect(updated).toMatchObject({ city: 'York', is_default: true });
  expect((await customer.account.addresses.list.query({})).items).toEqual([updated]);
  await customer.account.addresses.delete.mutate({ id: address.id });
  expect((await customer.account.addresses.list.query({})).items).toEqual([]);

  const product = await admin.catalog.products.adminCreate.mutate({ title: 'Wish', variants: [{ title: 'A', price_cents: 900 }] });
  const item = await customer.account.wishlist.add.mutate({ variant_id: product.variants[0]!.id });
  expect((await customer.account.wishlist.list.query({})).items).toEqual([item]);
  await customer.account.wishlist.remove.mutate({ id: item.id });
  expect((await customer.account.wishlist.list.query({})).items).toEqual([]);

  const order = await admin.orders.adminCreate.mutate({ customer_id: profile.id, lines: [{ variant_id: product.variants[0]!.id, quantity: 1 }] });
  expect((await customer.account.orders.list.query({})).items.map((o) => o.id)).toEqual([order.id]);
  expect((await customer.account.orders.get.query({ id: order.id })).lines).toHaveLength(1);

  await customer.passwordless.logout.mutate();
  const after = await customer.account.profile.get.query().catch((e: unknown) => e);
  expect(after).toBeInstanceOf(TRPCClientError);
  expect((after as TRPCClientError<any>).data?.httpStatus).toBe(401);
});

test('validation errors over tRPC name the field and carry the SPEC error body', async () => {
  const admin = trpcClient(t, { bearer: shop.adminToken });
  const err = await admin.customers.adminCreate.mutate({ email: 'not an email' }).catch((e: unknown) => e);
  expect((err as TRPCClientError<any>).data?.httpStatus).toBe(400);
  expect((err as TRPCClientError<any>).shape.error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('email') });
});
