import { afterAll, beforeAll, expect, test } from 'vitest';
import { CompanyMembership, Customer } from '@cartly/db';
import { createLoggedInCustomer, createShop, rest, startTestApi, trpcClient, type TestApi, type TestShop } from '../../test/harness.js';
import { companiesSnapshot, createCompany, createLocation, createMember, orderOf } from '../../test/companies.js';

/* Company admins running their own team through the customer API (CAT). */

let t: TestApi;
let shop: TestShop;

beforeAll(async () => {
  t = await startTestApi();
  shop = await createShop(t);
});
afterAll(() => t.close());

test('an admin adds a new customer by email, limits them to a location, changes the role and removes them', async () => {
  const { id } = await createCompany(t, shop);
  const l1 = await createLocation(t, shop, id, { name: 'North' });
  const admin = await createMember(t, shop, id, 'admin');
  const added = await rest(t, 'POST', '/customer/company/members', {
    bearer: admin.cat,
    body: { email: '  New.Hire@Example.com ', role: 'buyer', location_ids: [l1.id], first_name: 'Nia' },
  });
  expect(added.status, JSON.stringify(added.body)).toBe(200);
  expect(added.body).toMatchObject({ company_id: id, role: 'buyer', location_ids: [l1.id], customer: { email: 'new.hire@example.com', first_name: 'Nia' } });
  // A real customer of the shop now, who can log in with a one-time code.
  expect(await t.db.orm.em.fork().count(Customer, { shop: shop.shopId, email: 'new.hire@example.com' })).toBe(1);

  // Newest first, like every list (findPage).
  const list = await rest(t, 'GET', '/customer/company/members', { bearer: admin.cat });
  expect(list.body.items.map((m: { id: string }) => m.id)).toEqual([added.body.id, admin.membershipId]);

  const changed = await rest(t, 'PUT', `/customer/company/members/${added.body.id}`, { bearer: admin.cat, body: { role: 'viewer', location_ids: null } });
  expect(changed.body).toMatchObject({ role: 'viewer', location_ids: null });
  expect((await rest(t, 'DELETE', `/customer/company/members/${added.body.id}`, { bearer: admin.cat })).body).toEqual({ ok: true });
  expect(await t.db.orm.em.fork().count(CompanyMembership, { id: added.body.id })).toBe(0);
});

test('adding an existing customer of the shop keeps their record; one already in a company is 409', async () => {
  const { id } = await createCompany(t, shop);
  const other = await createCompany(t, shop);
  const admin = await createMember(t, shop, id, 'admin');
  const existing = await createLoggedInCustomer(t, shop, `existing-${Date.now()}@example.com`);
  const taken = await createMember(t, shop, other.id, 'viewer');
  const res = await rest(t, 'POST', '/customer/company/members', { bearer: admin.cat, body: { email: (await emailOf(existing.customerId))!, role: 'viewer' } });
  expect(res.body.customer.id).toBe(existing.customerId);
  const before = await companiesSnapshot(t);
  const conflict = await rest(t, 'POST', '/customer/company/members', { bearer: admin.cat, body: { email: taken.email, role: 'viewer' } });
  expect(conflict.status).toBe(409);
  const bad = await rest(t, 'POST', '/customer/company/members', { bearer: admin.cat, body: { email: 'not-an-email', role: 'owner' } });
  expect(bad.status).toBe(400);
  expect(bad.body.error.message).toMatch(/email.*role|role.*email/s);
  expect(await companiesSnapshot(t)).toBe(before);
});

async function emailOf(customerId: string) {
  return (await t.db.orm.em.fork().findOneOrFail(Customer, { id: customerId })).email;
}

test('the last admin can be neither demoted nor removed; with a second admin both work', async () => {
  const { id } = await createCompany(t, shop);
  const admin = await createMember(t, shop, id, 'admin');
  const before = await companiesSnapshot(t);
  const demote = await rest(t, 'PUT', `/customer/company/members/${admin.membershipId}`, { bearer: admin.cat, body: { role: 'buyer' } });
  expect(demote.status).toBe(422);
  expect(demote.body.error.message).toContain('last admin');
  expect((await rest(t, 'DELETE', `/customer/company/members/${admin.membershipId}`, { bearer: admin.cat })).status).toBe(422);
  expect(await companiesSnapshot(t)).toBe(before);

  const second = await createMember(t, shop, id, 'admin');
  expect((await rest(t, 'PUT', `/customer/company/members/${admin.membershipId}`, { bearer: second.cat, body: { role: 'viewer' } })).status).toBe(200);
  // Now `second` is the last admin; the demoted one has lost the right to manage at once.
  expect((await rest(t, 'DELETE', `/customer/company/members/${second.membershipId}`, { bearer: admin.cat })).status).toBe(403);
  expect((await rest(t, 'DELETE', `/customer/company/members/${second.membershipId}`, { bearer: second.cat })).status).toBe(422);
});

test('two admins demoting each other at the same moment: one succeeds, the company keeps an admin', async () => {
  for (let round = 0; round < 5; round++) {
    const { id } = await createCompany(t, shop);
    const a = await createMember(t, shop, id, 'admin');
    const b = await createMember(t, shop, id, 'admin');
    const [ra, rb] = await Promise.all([
      rest(t, 'PUT', `/customer/company/members/${b.membershipId}`, { bearer: a.cat, body: { role: 'buyer' } }),
      rest(t, 'PUT', `/customer/company/members/${a.membershipId}`, { bearer: b.cat, body: { role: 'buyer' } }),
    ]);
    // The loser either fails the role check (already demoted) or finds the other the last admin.
    const statuses = [ra.status, rb.status].sort();
    expect(statuses[0]).toBe(200);
    expect([403, 422]).toContain(statuses[1]);
    expect(await t.db.orm.em.fork().count(CompanyMembership, { company: id, role: 'admin' })).toBe(1);
  }
});

test('a role downgrade takes effect on the very next request', async () => {
  const { id } = await createCompany(t, shop);
  const location = await createLocation(t, shop, id);
  const owner = await createMember(t, shop, id, 'admin');
  const buyer = await createMember(t, shop, id, 'buyer');
  const order = await orderOf(t, shop, buyer.customerId, 500);
  const reorder = () => rest(t, 'POST', `/customer/orders/${order.id}/reorder`, { bearer: buyer.cat, body: { location_id: location.id } });
  expect((await reorder()).status).toBe(200);
  expect((await rest(t, 'PUT', `/customer/company/members/${buyer.membershipId}`, { bearer: owner.cat, body: { role: 'viewer' } })).status).toBe(200);
  const denied = await reorder();
  expect(denied.status).toBe(403);
  expect(denied.body.error.message).toContain('viewer');
  // Same CAT, still reads; and a removal closes the company API on the next request too.
  expect((await rest(t, 'GET', '/customer/company', { bearer: buyer.cat })).body.membership.role).toBe('viewer');
  expect((await rest(t, 'DELETE', `/admin/companies/${id}/members/${buyer.membershipId}`, { bearer: shop.adminToken })).status).toBe(200);
  expect((await rest(t, 'GET', '/customer/company', { bearer: buyer.cat })).status).toBe(403);
});

test('the typed client: a member reads company, members and locations', async () => {
  const { id } = await createCompany(t, shop, 'Typed Co');
  const location = await createLocation(t, shop, id, { budget: 12_345, period: 'yearly' });
  const viewer = await createMember(t, shop, id, 'viewer');
  const client = trpcClient(t, { bearer: viewer.cat }).companies;
  const me = await client.get.query({});
  expect(me).toMatchObject({ company: { id, name: 'Typed Co' }, membership: { role: 'viewer', location_ids: null }, permissions: ['company.read', 'members.read', 'locations.read'] });
  expect((await client.members.list.query({})).items.map((m) => m.id)).toEqual([viewer.membershipId]);
  const [seen] = (await client.locations.list.query({})).items;
  expect(seen).toMatchObject({ id: location.id, budget: { amount_cents: 12_345, period: 'yearly', spent_cents: 0, remaining_cents: 12_345 } });
  await expect(client.members.create.mutate({ email: 'x@example.com', role: 'viewer' })).rejects.toMatchObject({ data: { httpStatus: 403 } });
});

test('an admin demoted after the request\'s role check but before its change is refused under the lock', async () => {
  const { id } = await createCompany(t, shop);
  await createMember(t, shop, id, 'admin');
  const b = await createMember(t, shop, id, 'admin');
  const c = await createMember(t, shop, id, 'admin');
  let pending: ReturnType<typeof rest> | undefined;
  // Hold the company lock, let b's request pass its role check and queue on the lock, then demote b and release.
  await t.db.orm.em.fork().transactional(async (tx) => {
    await tx.execute('select id from company where id = ? for update', [id]);
    pending = rest(t, 'PUT', `/customer/company/members/${c.membershipId}`, { bearer: b.cat, body: { role: 'viewer' } });
    await new Promise((r) => setTimeout(r, 500));
    await tx.execute(`update company_membership set role = 'viewer' where id = ?`, [b.membershipId]);
  });
  const res = await pending!;
  expect(res.status).toBe(403);
  expect((await t.db.orm.em.fork().findOneOrFail(CompanyMembership, { id: c.membershipId })).role).toBe('admin');
});

test('a location-limited member paging through locations never sees the others', async () => {
  const { id } = await createCompany(t, shop);
  const locations = [];
  for (let i = 0; i < 5; i++) locations.push(await createLocation(t, shop, id, { name: `Site ${i}` }));
  const mine = [locations[1]!.id, locations[3]!.id];
  const limited = await createMember(t, shop, id, 'buyer', mine);
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { status: number; body: { items: { id: string }[]; next_cursor: string | null } } = await rest(
      t, 'GET', `/customer/company/locations?limit=1${cursor ? `&cursor=${cursor}` : ''}`, { bearer: limited.cat },
    );
    expect(page.status).toBe(200);
    seen.push(...page.body.items.map((l) => l.id));
    cursor = page.body.next_cursor;
  } while (cursor);
  expect(seen.sort()).toEqual([...mine].sort());
});
