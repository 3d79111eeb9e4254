import { afterAll, beforeAll, expect, test } from 'vitest';
import { Customer } from '@cartly/db';
import { seedDemo } from '../cli/seed-demo.js';
import { issueCustomerToken } from '../auth/credentials.js';
import { rest, startTestApi, type TestApi } from '../../test/harness.js';

/* `npm start`'s demo company: one member of each role, printed with their emails, and a working reorder. */

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.close());

const seed = () => t.db.orm.em.fork().transactional((em) => seedDemo(em));

test('the demo company has a budgeted location and one member of each role; seeding again keeps them', async () => {
  const first = await seed();
  expect(first.company.members).toEqual([
    { role: 'admin', email: 'b2b-admin@cartly.test' },
    { role: 'buyer', email: 'b2b-buyer@cartly.test' },
    { role: 'viewer', email: 'b2b-viewer@cartly.test' },
  ]);
  const again = await seed();
  expect(again.company).toEqual(first.company);

  const em = t.db.orm.em.fork();
  const buyer = await em.findOneOrFail(Customer, { shop: first.shop_id, email: 'b2b-buyer@cartly.test' });
  const { token } = issueCustomerToken(em, { shopId: first.shop_id, customerId: buyer.id, ttlHours: 1 });
  await em.flush();
  const me = await rest(t, 'GET', '/customer/company', { bearer: token });
  expect(me.body).toMatchObject({ company: { id: first.company.company_id }, membership: { role: 'buyer' } });
  const res = await rest(t, 'POST', `/customer/orders/${first.company.reorderable_order_id}/reorder`, {
    bearer: token, body: { location_id: first.company.location_id },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.location.budget).toMatchObject({ amount_cents: 50_000, spent_cents: 12_000, remaining_cents: 38_000 });
});
