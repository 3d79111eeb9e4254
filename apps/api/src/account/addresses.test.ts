import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CustomerAddress } from '@cartly/db';
import { createLoggedInCustomer, createShop, rest, startTestApi, trpcClient, type TestApi, type TestShop } from '../../test/harness.js';

let t: TestApi;
let shop: TestShop;
let ann: { customerId: string; cat: string };
let bob: { customerId: string; cat: string };

const PATH = '/storefront/v1/customer/addresses';
const home = { first_name: 'Ann', address1: '1 Main St', city: 'Springfield', country_code: 'US', zip: '12345' };

beforeAll(async () => {
  t = await startTestApi();
  shop = await createShop(t);
  ann = await createLoggedInCustomer(t, shop, 'ann@example.com');
  bob = await createLoggedInCustomer(t, shop, 'bob@example.com');
});
afterAll(() => t.close());

const as = (c: { cat: string }) => ({ sat: shop.sat, bearer: c.cat });
const countAddresses = (customerId: string) => t.db.orm.em.fork().count(CustomerAddress, { customer: customerId });

describe('address book', () => {
  test('the first address becomes the default; is_default moves it', async () => {
    const first = await rest(t, 'POST', PATH, { ...as(ann), body: home });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ address1: '1 Main St', is_default: true, country_code: 'US' });

    const second = await rest(t, 'POST', PATH, { ...as(ann), body: { ...home, address1: '2 Side St' } });
    expect(second.body.is_default).toBe(false);

    const moved = await rest(t, 'PUT', `${PATH}/${second.body.id}`, { ...as(ann), body: { is_default: true } });
    expect(moved.status).toBe(200);
    expect(moved.body.is_default).toBe(true);

    const list = await rest(t, 'GET', PATH, as(ann));
    const defaults = list.body.items.filter((a: { is_default: boolean }) => a.is_default);
    expect(defaults).toHaveLength(1);
    expect(defaults[0].id).toBe(second.body.id);
  });

  test('the default cannot be unset directly', async () => {
    const list = await rest(t, 'GET', PATH, as(ann));
    const def = list.body.items.find((a: { is_default: boolean }) => a.is_default);
    const res = await rest(t, 'PUT', `${PATH}/${def.id}`, { ...as(ann), body: { is_default: false } });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/^is_default:/);
  });

  test('deleting the default promotes another address', async () => {
    const list = await rest(t, 'GET', PATH, as(ann));
    const def = list.body.items.find((a: { is_default: boolean }) => a.is_default);
    expect((await rest(t, 'DELETE', `${PATH}/${def.id}`, as(ann))).status).toBe(200);
    const after = await rest(t, 'GET', PATH, as(ann));
    expect(after.body.items).toHaveLength(list.body.items.length - 1);
    expect(after.body.items.filter((a: { is_default: boolean }) => a.is_default)).toHaveLength(1);
  });

  test('concurrent creates still leave exactly one default', async () => {
    const carol = await createLoggedInCustomer(t, shop, 'carol@example.com');
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => rest(t, 'POST', PATH, { ...as(carol), body: { ...home, address1: `${i} Race St`, is_default: true } })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(200));
    const list = await rest(t, 'GET', PATH, as(carol));
    expect(list.body.items).toHaveLength(6);
    expect(list.body.items.filter((a: { is_default: boolean }) => a.is_default)).toHaveLength(1);
  });

  test('another customer\'s address is 404 to read-modify-delete and stays unchanged', async () => {
    const mine = await rest(t, 'POST', PATH, { ...as(bob), body: { ...home, address1: 'Bob Road' } });
    const put = await rest(t, 'PUT', `${PATH}/${mine.body.id}`, { ...as(ann), body: { city: 'Hacked' } });
    expect(put.status).toBe(404);
    const del = await rest(t, 'DELETE', `${PATH}/${mine.body.id}`, as(ann));
    expect(del.status).toBe(404);
    const list = await rest(t, 'GET', PATH, as(bob));
    expect(list.body.items).toEqual([mine.body]);
  });

  test('a validation error names the field and writes nothing', async () => {
    const before = await countAddresses(ann.customerId);
    const res = await rest(t, 'POST', PATH, { ...as(ann), body: { ...home, country_code: 'usa' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.message).toContain('country_code');
    expect(res.body.error.details.issues[0].field).toBe('country_code');
    expect(await countAddresses(ann.customerId)).toBe(before);
  });

  test('unknown fields are rejected by name', async () => {
    const res = await rest(t, 'POST', PATH, { ...as(ann), body: { ...home, customer_id: bob.customerId } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('customer_id');
  });

  test('lists page with a cursor and a bounded size', async () => {
    const dave = await createLoggedInCustomer(t, shop, 'dave@example.com');
    for (let i = 0; i < 5; i++) await rest(t, 'POST', PATH, { ...as(dave), body: { ...home, address1: `${i} Page St` } });
    const p1 = await rest(t, 'GET', `${PATH}?limit=2`, as(dave));
    expect(p1.body.items.map((a: { address1: string }) => a.address1)).toEqual(['0 Page St', '1 Page St']);
    const p2 = await rest(t, 'GET', `${PATH}?limit=2&cursor=${p1.body.next_cursor}`, as(dave));
    expect(p2.body.items.map((a: { address1: string }) => a.address1)).toEqual(['2 Page St', '3 Page St']);
    const p3 = await rest(t, 'GET', `${PATH}?limit=2&cursor=${p2.body.next_cursor}`, as(dave));
    expect(p3.body.items).toHaveLength(1);
    expect(p3.body.next_cursor).toBeNull();
    expect((await rest(t, 'GET', `${PATH}?limit=1000`, as(dave))).status).toBe(400);
    expect((await rest(t, 'GET', `${PATH}?cursor=garbage`, as(dave))).status).toBe(400);
  });

  test('the typed client creates and lists addresses too', async () => {
    const client = trpcClient(t, as(bob));
    const created = await client.account.addresses.create.mutate({ ...home, address1: 'Typed Ave' });
    const list = await client.account.addresses.list.query({ limit: 50 });
    expect(list.items.map((a) => a.id)).toContain(created.id);
  });
});
