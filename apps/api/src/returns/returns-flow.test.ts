import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AdminToken, Refund, ReturnRequest, ReturnRequestEvent, ReturnRequestLine } from '@cartly/db';
import { rmaWorkflowId } from '@cartly/contracts/workflows';
import type { RunningWorker } from '@cartly/worker';
import { newToken } from '../auth/tokens.js';
import { createLoggedInCustomer, createShop, createTwoShops, rest, startTestApi, trpcClient, type TestApi, type TestShop } from '../../test/harness.js';
import {
  fulfilledOrder, setShopSettings, shopEmail, startReturnsWorker, terminateWorkflows, uniqueTaskQueue, waitForReturnStatus,
  type FulfilledOrder,
} from '../../test/returns.js';

/*
 * Returns end to end over HTTP: the API, the real worker (in-process, on this
 * file's task queue), PostgreSQL, Temporal and an SMTP server, all real.
 */

let t: TestApi;
let worker: RunningWorker;
let shop: TestShop;
let other: TestShop;
let ann: { customerId: string; cat: string };
let bob: { customerId: string; cat: string };
/** The shop's notification address: where NotifyMerchant mails. */
let merchantEmail: string;
const started: string[] = [];

beforeAll(async () => {
  t = await startTestApi({ TEMPORAL_TASK_QUEUE: uniqueTaskQueue('returns-flow') });
  worker = await startReturnsWorker(t);
  ({ shop, other } = await createTwoShops(t));
  ann = await createLoggedInCustomer(t, shop, 'ann@example.com');
  bob = await createLoggedInCustomer(t, shop, 'bob@example.com');
  merchantEmail = await shopEmail(t, shop);
});
afterAll(async () => {
  await terminateWorkflows(t, started.map(rmaWorkflowId));
  await worker.stop();
  await t.close();
});

const admin = (s: TestShop = shop) => ({ bearer: s.adminToken });

async function requestReturn(order: FulfilledOrder, lines = [{ order_line_id: order.small, quantity: 2, reason: 'damaged' }]) {
  const res = await rest(t, 'POST', '/customer/returns', { bearer: ann.cat, body: { order_id: order.id, lines } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  started.push(res.body.id);
  return res.body as { id: string; refund_cents: number };
}

const refundsOf = (orderId: string) => t.db.orm.em.fork().find(Refund, { order: orderId });
const mailTo = (to: string) => t.smtp.messages.filter((m) => m.to.includes(to));

test('request → approve → refunded, end to end: the refund is recorded once and both emails arrive', async () => {
  const order = await fulfilledOrder(t, shop, ann.customerId);
  const ret = await requestReturn(order);
  expect(ret.refund_cents).toBe(4000);

  const approved = await rest(t, 'POST', `/admin/returns/${ret.id}/approve`, { ...admin(), body: { note: 'Sorry about that!' } });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  expect(approved.body).toMatchObject({ status: 'approved', decision: { outcome: 'approved', reason: null, note: 'Sorry about that!' } });

  const done = await waitForReturnStatus(t, ann.cat, ret.id, 'refunded');
  expect(done.history.map((e: { status: string; actor: string }) => [e.status, e.actor])).toEqual([
    ['requested', 'customer'], ['approved', 'merchant'], ['refunded', 'system'],
  ]);
  expect(done.refund).toMatchObject({ amount_cents: 4000 });

  const orderNow = await rest(t, 'GET', `/admin/orders/${order.id}`, admin());
  expect(orderNow.body).toMatchObject({ paid_cents: 8500, refunded_cents: 4000, financial_status: 'partially_refunded' });
  const refunds = await refundsOf(order.id);
  expect(refunds).toHaveLength(1);
  expect(refunds[0]).toMatchObject({ id: done.refund.id, amountCents: 4000, idempotencyKey: `return:${ret.id}`, returnRequest: ret.id });

  const merchant = await t.smtp.waitFor((m) => m.to.includes(merchantEmail));
  expect(merchant.subject).toBe(`Return approved for order #${order.number}: $40.00 is being refunded`);
  const customer = await t.smtp.waitFor((m) => m.to.includes('ann@example.com') && m.subject.includes(`#${order.number}`));
  expect(customer.subject).toBe(`Your return for order #${order.number} is approved: $40.00 refunded`);
  expect(customer.text).toContain('Sorry about that!');

  const client = await t.api.adapters.temporal.client();
  const handle = client.workflow.getHandle(rmaWorkflowId(ret.id));
  expect(await handle.result()).toBe('refunded');
  expect(await handle.query('status')).toMatchObject({ status: 'refunded', refundId: done.refund.id });
});

test('request → reject → the customer is told why, no refund; deciding again is 409', async () => {
  const order = await fulfilledOrder(t, shop, ann.customerId);
  const ret = await requestReturn(order);
  const rejected = await rest(t, 'POST', `/admin/returns/${ret.id}/reject`, {
    ...admin(), body: { reason: 'final_sale', note: 'Clearance items are final' },
  });
  expect(rejected.status).toBe(200);
  expect(rejected.body).toMatchObject({ status: 'rejected', decision: { outcome: 'rejected', reason: 'final_sale', note: 'Clearance items are final' } });

  const mail = await t.smtp.waitFor((m) => m.to.includes('ann@example.com') && m.subject.includes(`#${order.number} was declined`));
  expect(mail.text).toContain('sold as final sale');
  expect(mail.text).toContain('Clearance items are final');
  const client = await t.api.adapters.temporal.client();
  expect(await client.workflow.getHandle(rmaWorkflowId(ret.id)).result()).toBe('rejected');

  const again = await rest(t, 'POST', `/admin/returns/${ret.id}/approve`, { ...admin(), body: {} });
  expect(again.status).toBe(409);
  expect(again.body.error.message).toBe('this return request is already rejected');
  expect((await rest(t, 'POST', `/admin/returns/${ret.id}/reject`, { ...admin(), body: { reason: 'final_sale' } })).status).toBe(409);
  expect(await refundsOf(order.id)).toHaveLength(0);
  expect((await rest(t, 'GET', `/admin/orders/${order.id}`, admin())).body.refunded_cents).toBe(0);
});

describe('concurrent decisions produce one outcome and at most one refund', () => {
  test('two approvals at once: one 200, one 409, one refund', async () => {
    const order = await fulfilledOrder(t, shop, ann.customerId);
    const ret = await requestReturn(order);
    const results = await Promise.all([0, 1].map(() => rest(t, 'POST', `/admin/returns/${ret.id}/approve`, { ...admin(), body: {} })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    await waitForReturnStatus(t, ann.cat, ret.id, 'refunded');
    expect(await refundsOf(order.id)).toHaveLength(1);
    await t.smtp.waitFor((m) => m.to.includes('ann@example.com') && m.subject.includes(`order #${order.number} is approved`));
    expect(mailTo('ann@example.com').filter((m) => m.subject.includes(`order #${order.number} `))).toHaveLength(1);
    expect((await rest(t, 'GET', `/admin/orders/${order.id}`, admin())).body.refunded_cents).toBe(4000);
  });

  test('approve racing reject: exactly one wins and the return ends the way the winner said', async () => {
    for (let i = 0; i < 3; i++) {
      const order = await fulfilledOrder(t, shop, ann.customerId);
      const ret = await requestReturn(order);
      const [approve, reject] = await Promise.all([
        rest(t, 'POST', `/admin/returns/${ret.id}/approve`, { ...admin(), body: {} }),
        rest(t, 'POST', `/admin/returns/${ret.id}/reject`, { ...admin(), body: { reason: 'other', note: 'Not resellable' } }),
      ]);
      expect([approve.status, reject.status].sort()).toEqual([200, 409]);
      const approvedWon = approve.status === 200;
      const final = await waitForReturnStatus(t, ann.cat, ret.id, approvedWon ? 'refunded' : 'rejected');
      expect(final.history.map((e: { status: string }) => e.status)).toEqual(
        approvedWon ? ['requested', 'approved', 'refunded'] : ['requested', 'rejected'],
      );
      expect(await refundsOf(order.id)).toHaveLength(approvedWon ? 1 : 0);
    }
  });
});

describe('reading returns', () => {
  let order: FulfilledOrder;
  let ret: { id: string };
  beforeAll(async () => {
    order = await fulfilledOrder(t, shop, ann.customerId);
    ret = await requestReturn(order, [{ order_line_id: order.large, quantity: 1, reason: 'does_not_fit' }]);
  });

  test('the customer lists and reads their returns; the headless route (SAT + CAT) gives the same data', async () => {
    const list = await rest(t, 'GET', '/customer/returns?limit=100', { bearer: ann.cat });
    expect(list.status).toBe(200);
    expect(list.body.items[0]).toMatchObject({ id: ret.id, status: 'requested', order_number: order.number });
    expect(list.body.items.every((r: { customer_id: string }) => r.customer_id === ann.customerId)).toBe(true);
    const one = await rest(t, 'GET', `/customer/returns/${ret.id}`, { bearer: ann.cat });
    expect(one.body).toEqual(list.body.items[0]);
    const headless = await rest(t, 'GET', '/storefront/v1/customer/returns?limit=100', { sat: shop.sat, bearer: ann.cat });
    expect(headless.status).toBe(200);
    expect(headless.body).toEqual(list.body);
    const typed = await trpcClient(t, { bearer: ann.cat }).returns.list.query({ limit: 100, status: 'requested' });
    expect(typed.items.map((r) => r.id)).toContain(ret.id);
    expect(typed.items.every((r) => r.status === 'requested')).toBe(true);
  });

  test('pages are bounded and chain by cursor', async () => {
    const first = await rest(t, 'GET', '/customer/returns?limit=1', { bearer: ann.cat });
    expect(first.body.items).toHaveLength(1);
    const second = await rest(t, 'GET', `/customer/returns?limit=1&cursor=${first.body.next_cursor}`, { bearer: ann.cat });
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    expect((await rest(t, 'GET', '/customer/returns?limit=101', { bearer: ann.cat })).status).toBe(400);
  });

  test('another customer, another shop\'s SAT, or no credential cannot see them', async () => {
    expect((await rest(t, 'GET', `/customer/returns/${ret.id}`, { bearer: bob.cat })).status).toBe(404);
    expect((await rest(t, 'GET', '/customer/returns', { bearer: bob.cat })).body.items).toEqual([]);
    expect((await rest(t, 'GET', '/storefront/v1/customer/returns', { sat: other.sat, bearer: ann.cat })).status).toBe(401);
    expect((await rest(t, 'GET', '/storefront/v1/customer/returns', { bearer: ann.cat })).status).toBe(401);
    expect((await rest(t, 'GET', '/customer/returns')).status).toBe(401);
  });

  test('the merchant lists by status and reads one; another shop\'s admin gets 404 and cannot decide', async () => {
    const pending = await rest(t, 'GET', '/admin/returns?status=requested&limit=100', admin());
    expect(pending.status).toBe(200);
    expect(pending.body.items.map((r: { id: string }) => r.id)).toContain(ret.id);
    expect(pending.body.items.every((r: { status: string }) => r.status === 'requested')).toBe(true);
    const refunded = await rest(t, 'GET', '/admin/returns?status=refunded&limit=100', admin());
    expect(refunded.body.items.every((r: { status: string }) => r.status === 'refunded')).toBe(true);
    expect(refunded.body.items.length).toBeGreaterThan(0);
    const byOrder = await rest(t, 'GET', `/admin/returns?order_id=${order.id}`, admin());
    expect(byOrder.body.items.map((r: { id: string }) => r.id)).toEqual([ret.id]);
    expect((await rest(t, 'GET', '/admin/returns?status=lost', admin())).status).toBe(400);

    expect((await rest(t, 'GET', `/admin/returns/${ret.id}`, admin())).body.id).toBe(ret.id);
    expect((await rest(t, 'GET', `/admin/returns/${ret.id}`, admin(other))).status).toBe(404);
    expect((await rest(t, 'POST', `/admin/returns/${ret.id}/approve`, { ...admin(other), body: {} })).status).toBe(404);
    expect((await rest(t, 'GET', '/admin/returns', admin(other))).body.items).toEqual([]);
    // A customer token is not an admin token.
    expect((await rest(t, 'POST', `/admin/returns/${ret.id}/approve`, { bearer: ann.cat, body: {} })).status).toBe(401);
    expect((await rest(t, 'GET', `/customer/returns/${ret.id}`, { bearer: ann.cat })).body.status).toBe('requested');
  });

  test('deciding needs write_returns: a read-only admin token gets 403 and changes nothing', async () => {
    const em = t.db.orm.em.fork();
    const { token, hash } = newToken('adm');
    em.create(AdminToken, { shop: shop.shopId, title: 'Support desk', tokenHash: hash, scopes: ['read_returns'] });
    await em.flush();
    expect((await rest(t, 'GET', `/admin/returns/${ret.id}`, { bearer: token })).status).toBe(200);
    const res = await rest(t, 'POST', `/admin/returns/${ret.id}/approve`, { bearer: token, body: {} });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('write_returns');
    const rej = await rest(t, 'POST', `/admin/returns/${ret.id}/reject`, { bearer: token, body: { reason: 'final_sale' } });
    expect(rej.status).toBe(403);
    expect((await rest(t, 'GET', `/customer/returns/${ret.id}`, { bearer: ann.cat })).body.status).toBe('requested');
  });

  test('a reject with reason "other" must explain itself', async () => {
    const res = await rest(t, 'POST', `/admin/returns/${ret.id}/reject`, { ...admin(), body: { reason: 'other' } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('note: is required when reason is "other"');
  });
});

test('an undecided request expires after the shop\'s configured time; deciding it then is 409; its units are free again', async () => {
  const quick = await createShop(t, 'Quick');
  await setShopSettings(t, quick, { returnDecisionSeconds: 2 });
  const carl = await createLoggedInCustomer(t, quick, 'carl@example.com');
  const order = await fulfilledOrder(t, quick, carl.customerId);
  const body = { order_id: order.id, lines: [{ order_line_id: order.large, quantity: 1, reason: 'changed_mind' }] };
  const res = await rest(t, 'POST', '/customer/returns', { bearer: carl.cat, body });
  expect(res.status).toBe(200);
  started.push(res.body.id);
  expect(Date.parse(res.body.expires_at) - Date.parse(res.body.created_at)).toBe(2000);

  const expired = await waitForReturnStatus(t, carl.cat, res.body.id, 'expired', 15_000);
  expect(expired.history.map((e: { status: string; actor: string }) => [e.status, e.actor])).toEqual([['requested', 'customer'], ['expired', 'system']]);
  const late = await rest(t, 'POST', `/admin/returns/${res.body.id}/approve`, { ...admin(quick), body: {} });
  expect(late.status).toBe(409);
  expect(late.body.error.message).toBe('this return request is already expired');
  await t.smtp.waitFor((m) => m.to.includes('carl@example.com') && m.subject.includes('has expired'));

  // An expired request holds no units: the customer may ask again.
  const retry = await rest(t, 'POST', '/customer/returns', { bearer: carl.cat, body });
  expect(retry.status).toBe(200);
  started.push(retry.body.id);
});

test('a decision after the deadline but before the workflow mirrored the expiry is 409 too', async () => {
  const slow = await createShop(t, 'Slow');
  // The workflow's own timer fires only after the decision below, so the row is still `requested` when it is decided.
  await setShopSettings(t, slow, { returnDecisionSeconds: 5 });
  const dee = await createLoggedInCustomer(t, slow, 'dee@example.com');
  const order = await fulfilledOrder(t, slow, dee.customerId);
  const res = await rest(t, 'POST', '/customer/returns', {
    bearer: dee.cat, body: { order_id: order.id, lines: [{ order_line_id: order.small, quantity: 1, reason: 'defective' }] },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  started.push(res.body.id);
  // The deadline has passed (as if the API's clock ran ahead of the workflow's timer).
  const deadline = new Date(Date.now() - 1000);
  const em = t.db.orm.em.fork();
  const row = await em.findOneOrFail(ReturnRequest, { id: res.body.id });
  row.expiresAt = deadline;
  await em.flush();
  const late = await rest(t, 'POST', `/admin/returns/${res.body.id}/reject`, { ...admin(slow), body: { reason: 'final_sale' } });
  expect(late.status).toBe(409);
  expect(late.body.error.message).toMatch(/this return request (expired at|is already expired)/);
  expect(late.body.error.message).toBe(`this return request expired at ${deadline.toISOString()}`);
  expect((await rest(t, 'GET', `/admin/returns/${res.body.id}`, admin(slow))).body).toMatchObject({ status: 'requested', decision: null });
  await waitForReturnStatus(t, dee.cat, res.body.id, 'expired', 15_000);
});

test('rejected units can be requested again, refunded ones cannot', async () => {
  const order = await fulfilledOrder(t, shop, ann.customerId);
  const lines = [{ order_line_id: order.small, quantity: 3, reason: 'damaged' }];
  const first = await requestReturn(order, lines);
  await rest(t, 'POST', `/admin/returns/${first.id}/reject`, { ...admin(), body: { reason: 'item_not_eligible' } });
  const second = await requestReturn(order, lines);
  await rest(t, 'POST', `/admin/returns/${second.id}/approve`, { ...admin(), body: {} });
  await waitForReturnStatus(t, ann.cat, second.id, 'refunded');
  const third = await rest(t, 'POST', '/customer/returns', { bearer: ann.cat, body: { order_id: order.id, lines: [{ ...lines[0], quantity: 1 }] } });
  expect(third.status).toBe(422);
  expect(third.body.error.message).toMatch(/only 0 of/);
});

describe('the decision and the signal go together', () => {
  test('a decision whose signal cannot be delivered is not recorded', async () => {
    const order = await fulfilledOrder(t, shop, ann.customerId);
    const ret = await requestReturn(order);
    // Someone closed the workflow behind the API's back; a closed run is never restarted.
    const client = await t.api.adapters.temporal.client();
    await client.workflow.getHandle(rmaWorkflowId(ret.id)).terminate('operator error');
    const res = await rest(t, 'POST', `/admin/returns/${ret.id}/approve`, { ...admin(), body: {} });
    expect(res.status).toBe(500);
    expect(res.body.error.message).toBe('the return could not be updated right now; nothing was changed, please try again');
    const now = await rest(t, 'GET', `/admin/returns/${ret.id}`, admin());
    expect(now.body).toMatchObject({ status: 'requested', decision: null });
    expect(now.body.history).toHaveLength(1);
    expect(await refundsOf(order.id)).toHaveLength(0);
  });

  test('a request whose workflow Temporal never had (e.g. restored from backup) is picked up by the decision', async () => {
    const order = await fulfilledOrder(t, shop, ann.customerId);
    const em = t.db.orm.em.fork();
    const request = em.create(ReturnRequest, {
      shop: shop.shopId, customer: ann.customerId, order: order.id, currency: 'USD', amountCents: 2500,
      expiresAt: new Date(Date.now() + 3600_000), workflowId: '',
    });
    request.workflowId = rmaWorkflowId(request.id);
    em.create(ReturnRequestLine, { shop: shop.shopId, returnRequest: request.id, orderLine: order.large, quantity: 1, reason: 'defective' });
    em.create(ReturnRequestEvent, { shop: shop.shopId, returnRequest: request.id, status: 'requested', actor: 'customer' });
    await em.flush();
    started.push(request.id);

    const res = await rest(t, 'POST', `/admin/returns/${request.id}/approve`, { ...admin(), body: {} });
    expect(res.status).toBe(200);
    const done = await waitForReturnStatus(t, ann.cat, request.id, 'refunded');
    expect(done.refund).toMatchObject({ amount_cents: 2500 });
    expect(await refundsOf(order.id)).toHaveLength(1);
  });
});
