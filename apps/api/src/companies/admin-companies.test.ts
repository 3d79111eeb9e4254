import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AdminToken, CompanyLocation, CompanyMembership, Customer } from '@cartly/db';
import { newToken } from '../auth/tokens.js';
import { createLoggedInCustomer, createTwoShops, rest, startTestApi, trpcClient, type TestApi, type TestShop } from '../../test/harness.js';
import { address, companiesSnapshot, createCompany, createLocation, createMember, orderOf } from '../../test/companies.js';

/* The merchant's company API: CRUD, scopes, tenancy, the one-company rule and delete semantics. */

let t: TestApi;
let shop: TestShop;
let other: TestShop;

beforeAll(async () => {
  t = await startTestApi();
  ({ shop, other } = await createTwoShops(t));
});
afterAll(() => t.close());

const admin = (s: TestShop = shop) => ({ bearer: s.adminToken });

async function tokenWithScopes(scopes: string[]) {
  const em = t.db.orm.em.fork();
  const { token, hash } = newToken('adm');
  em.create(AdminToken, { shop: shop.shopId, title: `scoped ${scopes.join(',')}`, tokenHash: hash, scopes });
  await em.flush();
  return token;
}

test('create, list, get, update and delete a company over REST', async () => {
  const created = await rest(t, 'POST', '/admin/companies', { ...admin(), body: { name: '  Globex ', external_id: 'ERP-1', note: 'net 30' } });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  expect(created.body).toMatchObject({ name: 'Globex', external_id: 'ERP-1', note: 'net 30' });
  const id = created.body.id;

  expect((await rest(t, 'GET', `/admin/companies/${id}`, admin())).body).toEqual(created.body);
  const listed = await rest(t, 'GET', '/admin/companies?name=glob', admin());
  expect(listed.body.items.map((c: { id: string }) => c.id)).toEqual([id]);

  const updated = await rest(t, 'PUT', `/admin/companies/${id}`, { ...admin(), body: { name: 'Globex Corp', note: null } });
  expect(updated.body).toMatchObject({ name: 'Globex Corp', external_id: 'ERP-1', note: null });

  expect((await rest(t, 'DELETE', `/admin/companies/${id}`, admin())).body).toEqual({ ok: true });
  expect((await rest(t, 'GET', `/admin/companies/${id}`, admin())).status).toBe(404);
});

test('the typed tRPC client reaches the same procedures', async () => {
  const client = trpcClient(t, admin()).companies;
  const company = await client.adminCreate.mutate({ name: 'Typed Inc' });
  const location = await client.locations.adminCreate.mutate({
    id: company.id, name: 'HQ', shipping_address: address, budget_amount_cents: 50_000, budget_period: 'quarterly',
  });
  expect(location.budget).toMatchObject({ amount_cents: 50_000, currency: 'USD', period: 'quarterly', spent_cents: 0, remaining_cents: 50_000 });
  const { customerId } = await createLoggedInCustomer(t, shop, 'typed-member@example.com');
  const member = await client.members.adminCreate.mutate({ id: company.id, customer_id: customerId, role: 'buyer', location_ids: [location.id] });
  expect(member).toMatchObject({ role: 'buyer', location_ids: [location.id], customer: { id: customerId, email: 'typed-member@example.com' } });
  expect((await client.members.adminList.query({ id: company.id })).items).toEqual([member]);
  expect((await client.locations.adminList.query({ id: company.id })).items).toEqual([location]);
  const changed = await client.members.adminUpdate.mutate({ id: company.id, membership_id: member.id, role: 'viewer', location_ids: null });
  expect(changed).toMatchObject({ role: 'viewer', location_ids: null });
});

describe('validation names the field and writes nothing', () => {
  test.each([
    ['POST', '/admin/companies', {}, 'name'],
    ['POST', '/admin/companies', { name: 'X', colour: 'red' }, 'colour'],
    ['POST', '/admin/companies', { name: 'x'.repeat(201) }, 'name'],
  ])('%s %s %j', async (method, path, body, field) => {
    const before = await companiesSnapshot(t);
    const res = await rest(t, method, path, { ...admin(), body });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(field);
    expect(await companiesSnapshot(t)).toBe(before);
  });

  test('location fields', async () => {
    const { id } = await createCompany(t, shop);
    const good = { name: 'Depot', shipping_address: address, budget_amount_cents: 100, budget_period: 'monthly' };
    const cases: [object, string][] = [
      [{ ...good, budget_amount_cents: -1 }, 'budget_amount_cents'],
      [{ ...good, budget_amount_cents: 1.5 }, 'budget_amount_cents'],
      [{ ...good, budget_period: 'weekly' }, 'budget_period'],
      [{ ...good, shipping_address: { ...address, country_code: 'Germany' } }, 'shipping_address.country_code'],
      [{ ...good, shipping_address: { ...address, planet: 'Mars' } }, 'shipping_address.planet'],
    ];
    const before = await companiesSnapshot(t);
    for (const [body, field] of cases) {
      const res = await rest(t, 'POST', `/admin/companies/${id}/locations`, { ...admin(), body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.message).toContain(field);
    }
    const euro = await rest(t, 'POST', `/admin/companies/${id}/locations`, { ...admin(), body: { ...good, currency: 'EUR' } });
    expect(euro.status).toBe(422);
    expect(euro.body.error.message).toContain('USD');
    expect(await companiesSnapshot(t)).toBe(before);
  });

  test('an external id used by another company of the shop is 409; another shop may use it', async () => {
    await rest(t, 'POST', '/admin/companies', { ...admin(), body: { name: 'One', external_id: 'DUP-1' } });
    const dup = await rest(t, 'POST', '/admin/companies', { ...admin(), body: { name: 'Two', external_id: 'DUP-1' } });
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toContain('external_id');
    expect((await rest(t, 'POST', '/admin/companies', { ...admin(other), body: { name: 'Three', external_id: 'DUP-1' } })).status).toBe(200);
  });
});

test('scopes: read_companies reads, write_companies writes; other scopes are 403', async () => {
  const { id } = await createCompany(t, shop);
  const reader = await tokenWithScopes(['read_companies']);
  const stranger = await tokenWithScopes(['read_orders']);
  expect((await rest(t, 'GET', `/admin/companies/${id}`, { bearer: reader })).status).toBe(200);
  expect((await rest(t, 'GET', `/admin/companies/${id}/members`, { bearer: reader })).status).toBe(200);
  const write = await rest(t, 'PUT', `/admin/companies/${id}`, { bearer: reader, body: { name: 'Nope' } });
  expect(write.status).toBe(403);
  expect(write.body.error.message).toContain('write_companies');
  expect((await rest(t, 'GET', '/admin/companies', { bearer: stranger })).status).toBe(403);
  expect((await rest(t, 'GET', '/admin/companies', {})).status).toBe(401);
});

test('another shop\'s company, location or membership is 404 and untouched', async () => {
  const { id } = await createCompany(t, other);
  const location = await createLocation(t, other, id);
  const member = await createMember(t, other, id, 'admin');
  const before = await companiesSnapshot(t);
  const calls: [string, string, unknown?][] = [
    ['GET', `/admin/companies/${id}`],
    ['PUT', `/admin/companies/${id}`, { name: 'Hijacked' }],
    ['DELETE', `/admin/companies/${id}`],
    ['GET', `/admin/companies/${id}/locations`],
    ['POST', `/admin/companies/${id}/locations`, { name: 'X', shipping_address: address, budget_amount_cents: 1, budget_period: 'monthly' }],
    ['PUT', `/admin/companies/${id}/locations/${location.id}`, { budget_amount_cents: 1 }],
    ['DELETE', `/admin/companies/${id}/locations/${location.id}`],
    ['GET', `/admin/companies/${id}/members`],
    ['PUT', `/admin/companies/${id}/members/${member.membershipId}`, { role: 'viewer' }],
    ['DELETE', `/admin/companies/${id}/members/${member.membershipId}`],
  ];
  for (const [method, path, body] of calls) {
    const res = await rest(t, method, path, { ...admin(), ...(body ? { body } : {}) });
    expect(res.status, `${method} ${path}`).toBe(404);
  }
  expect(await companiesSnapshot(t)).toBe(before);
  // Our company's id with their location, membership or customer: still 404.
  const ours = await createCompany(t, shop);
  const beforeOurs = await companiesSnapshot(t);
  expect((await rest(t, 'PUT', `/admin/companies/${ours.id}/locations/${location.id}`, { ...admin(), body: { name: 'X' } })).status).toBe(404);
  expect((await rest(t, 'DELETE', `/admin/companies/${ours.id}/members/${member.membershipId}`, admin())).status).toBe(404);
  const add = await rest(t, 'POST', `/admin/companies/${ours.id}/members`, { ...admin(), body: { customer_id: member.customerId, role: 'buyer' } });
  expect(add.status).toBe(404);
  expect(await companiesSnapshot(t)).toBe(beforeOurs);
});

describe('a customer belongs to at most one company', () => {
  test('adding a member of one company to another is 409', async () => {
    const a = await createCompany(t, shop);
    const b = await createCompany(t, shop);
    const m = await createMember(t, shop, a.id, 'buyer');
    const res = await rest(t, 'POST', `/admin/companies/${b.id}/members`, { ...admin(), body: { customer_id: m.customerId, role: 'admin' } });
    expect(res.status).toBe(409);
    const again = await rest(t, 'POST', `/admin/companies/${a.id}/members`, { ...admin(), body: { customer_id: m.customerId, role: 'admin' } });
    expect(again.status).toBe(409);
  });

  test('ten concurrent adds of one customer to ten companies: exactly one wins (the unique constraint decides)', async () => {
    const { customerId } = await createLoggedInCustomer(t, shop, `racer-${Date.now()}@example.com`);
    const companies = await Promise.all(Array.from({ length: 10 }, () => createCompany(t, shop)));
    const results = await Promise.all(
      companies.map((c) => rest(t, 'POST', `/admin/companies/${c.id}/members`, { ...admin(), body: { customer_id: customerId, role: 'buyer' } })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(409)]);
    expect(await t.db.orm.em.fork().count(CompanyMembership, { customer: customerId })).toBe(1);
  });

  test('location limits must name locations of the same company', async () => {
    const a = await createCompany(t, shop);
    const b = await createCompany(t, shop);
    const foreign = await createLocation(t, shop, b.id);
    const { customerId } = await createLoggedInCustomer(t, shop, `limits-${Date.now()}@example.com`);
    const res = await rest(t, 'POST', `/admin/companies/${a.id}/members`, { ...admin(), body: { customer_id: customerId, role: 'buyer', location_ids: [foreign.id] } });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain('location_ids');
    expect(await t.db.orm.em.fork().count(CompanyMembership, { customer: customerId })).toBe(0);
  });
});

describe('deleting', () => {
  test('a company with orders is refused with 409 and nothing is deleted', async () => {
    const { id } = await createCompany(t, shop);
    const location = await createLocation(t, shop, id);
    const buyer = await createMember(t, shop, id, 'buyer');
    const order = await orderOf(t, shop, buyer.customerId, 1000);
    const re = await rest(t, 'POST', `/customer/orders/${order.id}/reorder`, { bearer: buyer.cat, body: { location_id: location.id } });
    expect(re.status, JSON.stringify(re.body)).toBe(200);
    const before = await companiesSnapshot(t);
    const res = await rest(t, 'DELETE', `/admin/companies/${id}`, admin());
    expect(res.status).toBe(409);
    expect(res.body.error.details).toEqual({ orders: 1 });
    expect((await rest(t, 'DELETE', `/admin/companies/${id}/locations/${location.id}`, admin())).status).toBe(409);
    expect(await companiesSnapshot(t)).toBe(before);
  });

  test('a company without orders goes with its locations and memberships; its customers stay', async () => {
    const { id } = await createCompany(t, shop);
    await createLocation(t, shop, id);
    const m = await createMember(t, shop, id, 'admin');
    expect((await rest(t, 'DELETE', `/admin/companies/${id}`, admin())).status).toBe(200);
    const em = t.db.orm.em.fork();
    expect(await em.count(CompanyLocation, { company: id })).toBe(0);
    expect(await em.count(CompanyMembership, { company: id })).toBe(0);
    expect(await em.count(Customer, { id: m.customerId })).toBe(1);
    // The former member is no longer in a company.
    expect((await rest(t, 'GET', '/customer/company', { bearer: m.cat })).status).toBe(403);
  });
});
