import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ReturnRequest, ReturnRequestEvent, ReturnRequestLine } from '@cartly/db';
import { rmaWorkflowId } from '@cartly/contracts/workflows';
import { RETURN_STATUSES, RETURN_LINE_REASONS, RETURN_REJECT_REASONS } from '@cartly/db';
import { REJECT_REASON_VALUES, RETURN_REASON_VALUES, RETURN_STATUS_VALUES } from '@cartly/contracts/returns';
import { createLoggedInCustomer, createShop, rest, startTestApi, type TestApi, type TestShop } from '../../test/harness.js';
import { fulfilledOrder, setShopSettings, terminateWorkflows, uniqueTaskQueue, type FulfilledOrder } from '../../test/returns.js';

/*
 * Who may return what. No worker polls this file's task queue: a created
 * request's workflow simply waits, which is all these tests need to see.
 */

let t: TestApi;
let shop: TestShop;
let ann: { customerId: string; cat: string };
let bob: { customerId: string; cat: string };
let order: FulfilledOrder;
const created: string[] = [];

beforeAll(async () => {
  t = await startTestApi({ TEMPORAL_TASK_QUEUE: uniqueTaskQueue('create-return') });
  shop = await createShop(t);
  ann = await createLoggedInCustomer(t, shop, 'ann@example.com');
  bob = await createLoggedInCustomer(t, shop, 'bob@example.com');
  order = await fulfilledOrder(t, shop, ann.customerId);
});
afterAll(async () => {
  await terminateWorkflows(t, created.map(rmaWorkflowId));
  await t.close();
});

const requestReturn = (cat: string, body: unknown) => rest(t, 'POST', '/customer/returns', { bearer: cat, body });
const line = (order_line_id: string, quantity: number, extra: Record<string, unknown> = {}) => ({ order_line_id, quantity, reason: 'damaged', ...extra });
const count = async () => {
  const em = t.db.orm.em.fork();
  return { requests: await em.count(ReturnRequest, {}), lines: await em.count(ReturnRequestLine, {}), events: await em.count(ReturnRequestEvent, {}) };
};

/** Runs a request that must be refused, and proves it left no row behind. */
async function refused(cat: string, body: unknown, status: number, message: RegExp) {
  const before = await count();
  const res = await requestReturn(cat, body);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error.message).toMatch(message);
  expect(await count()).toEqual(before);
  return res;
}

test('the API and the database speak the same status and reason vocabulary', () => {
  expect([...RETURN_STATUS_VALUES]).toEqual([...RETURN_STATUSES]);
  expect([...RETURN_REASON_VALUES]).toEqual([...RETURN_LINE_REASONS]);
  expect([...REJECT_REASON_VALUES]).toEqual([...RETURN_REJECT_REASONS]);
});

test('fulfilled units of the customer\'s own order: the request is created and its workflow started', async () => {
  const res = await requestReturn(ann.cat, {
    order_id: order.id,
    lines: [line(order.small, 2, { reason: 'other', reason_note: 'The seams came apart' })],
    note: 'Please send a label',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  created.push(res.body.id);
  expect(res.body).toMatchObject({
    order_id: order.id,
    order_number: order.number,
    customer_id: ann.customerId,
    status: 'requested',
    currency: 'USD',
    refund_cents: 4000,
    note: 'Please send a label',
    decision: null,
    refund: null,
    lines: [{ order_line_id: order.small, quantity: 2, unit_price_cents: 2000, reason: 'other', reason_note: 'The seams came apart' }],
    history: [{ status: 'requested', from_status: null, actor: 'customer', note: null }],
  });
  // Default decision window: 14 days.
  const expiresIn = Date.parse(res.body.expires_at) - Date.parse(res.body.created_at);
  expect(Math.round(expiresIn / 3600_000)).toBe(14 * 24);

  const client = await t.api.adapters.temporal.client();
  const description = await client.workflow.getHandle(rmaWorkflowId(res.body.id)).describe();
  expect(description).toMatchObject({ type: 'RMAWorkflow', taskQueue: t.env.TEMPORAL_TASK_QUEUE, status: { name: 'RUNNING' } });
});

describe('each ineligible request gets a clear 4xx and creates nothing', () => {
  test('another customer\'s order is 404, exactly like a missing one', async () => {
    await refused(bob.cat, { order_id: order.id, lines: [line(order.small, 1)] }, 404, /order_id: order not found/);
    await refused(bob.cat, { order_id: '01900000-0000-7000-8000-000000000000', lines: [line(order.small, 1)] }, 404, /order_id: order not found/);
  });

  test('another shop\'s customer cannot reach the order either', async () => {
    const otherShop = await createShop(t, 'Elsewhere');
    const eve = await createLoggedInCustomer(t, otherShop, 'ann@example.com');
    await refused(eve.cat, { order_id: order.id, lines: [line(order.small, 1)] }, 404, /order not found/);
  });

  test('an unfulfilled line is 422', async () => {
    const partly = await fulfilledOrder(t, shop, ann.customerId, { fulfil: 'small' });
    await refused(ann.cat, { order_id: partly.id, lines: [line(partly.large, 1)] }, 422, /lines\.0\.order_line_id: .* has not been fulfilled yet/);
  });

  test('more than is returnable is 422, counting units already in a return', async () => {
    // 3 fulfilled, 2 already requested above: 1 left.
    const res = await refused(ann.cat, { order_id: order.id, lines: [line(order.small, 2)] }, 422, /lines\.0\.quantity: only 1 of .* can be returned/);
    expect(res.body.error.details).toEqual({ order_line_id: order.small, returnable: 1 });
    const fresh = await fulfilledOrder(t, shop, ann.customerId);
    await refused(ann.cat, { order_id: fresh.id, lines: [line(fresh.small, 4)] }, 422, /only 3 of/);
  });

  test('an order fulfilled outside the return window is 422; a shop with a longer window accepts it', async () => {
    const old = await fulfilledOrder(t, shop, ann.customerId, { fulfilledAt: new Date(Date.now() - 31 * 24 * 3600_000) });
    await refused(ann.cat, { order_id: old.id, lines: [line(old.large, 1)] }, 422, /the 30-day return window for .* closed on \d{4}-\d{2}-\d{2}/);
    await setShopSettings(t, shop, { returnWindowDays: 60 });
    try {
      const res = await requestReturn(ann.cat, { order_id: old.id, lines: [line(old.large, 1)] });
      expect(res.status).toBe(200);
      created.push(res.body.id);
    } finally {
      await setShopSettings(t, shop, { returnWindowDays: 30 });
    }
  });

  test('a line of another order is 404; the same line twice is 400', async () => {
    const other = await fulfilledOrder(t, shop, ann.customerId);
    await refused(ann.cat, { order_id: order.id, lines: [line(other.small, 1)] }, 404, /lines\.0\.order_line_id: .* is not part of this order/);
    await refused(ann.cat, { order_id: other.id, lines: [line(other.small, 1), line(other.small, 1)] }, 400, /lines\.1\.order_line_id: .* listed twice/);
  });

  test('malformed bodies are 400 and name the field', async () => {
    await refused(ann.cat, { order_id: order.id, lines: [line(order.large, 1, { reason: 'other' })] }, 400, /lines\.0\.reason_note: is required when reason is "other"/);
    await refused(ann.cat, { order_id: order.id, lines: [line(order.large, 1, { reason: 'bored' })] }, 400, /lines\.0\.reason/);
    await refused(ann.cat, { order_id: order.id, lines: [line(order.large, 0)] }, 400, /lines\.0\.quantity/);
    await refused(ann.cat, { order_id: order.id, lines: [] }, 400, /lines/);
    await refused(ann.cat, { order_id: order.id, lines: [line(order.large, 1)], refund_cents: 1 }, 400, /refund_cents: is not a known field/);
    await refused(ann.cat, { order_id: order.id, lines: [line(order.large, 1)], note: 'x'.repeat(1001) }, 400, /note/);
  });

  test('only a customer access token may request a return', async () => {
    await refused('', { order_id: order.id, lines: [line(order.large, 1)] }, 401, /customer access token/);
    await refused(shop.adminToken, { order_id: order.id, lines: [line(order.large, 1)] }, 401, /customer access token/);
  });

  test('none of the refused requests started a workflow', async () => {
    const client = await t.api.adapters.temporal.client();
    const ids = async () => {
      const found: string[] = [];
      for await (const w of client.workflow.list({ query: `TaskQueue = "${t.env.TEMPORAL_TASK_QUEUE}"` })) found.push(w.workflowId);
      return found.sort();
    };
    const expected = created.map(rmaWorkflowId).sort();
    // Visibility is eventually consistent: wait until the started ones show, then nothing else may.
    const deadline = Date.now() + 10_000;
    let seen = await ids();
    while (seen.length < expected.length && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      seen = await ids();
    }
    expect(seen).toEqual(expected);
  });
});

test('concurrent requests for the same units never return more than was fulfilled', async () => {
  // 3 Small fulfilled; five tabs of the same customer each ask for 2 at once: only one can succeed.
  const fresh = await fulfilledOrder(t, shop, ann.customerId);
  const results = await Promise.all(
    Array.from({ length: 5 }, () => requestReturn(ann.cat, { order_id: fresh.id, lines: [line(fresh.small, 2)] })),
  );
  const ok = results.filter((r) => r.status === 200);
  created.push(...ok.map((r) => r.body.id as string));
  expect(ok).toHaveLength(1);
  expect(results.filter((r) => r.status === 422)).toHaveLength(4);
  const em = t.db.orm.em.fork();
  const lines = await em.find(ReturnRequestLine, { orderLine: fresh.small });
  expect(lines.reduce((sum, l) => sum + l.quantity, 0)).toBe(2);
});

test('when Temporal cannot start the workflow, the request is not left behind', async () => {
  // A namespace that does not exist: the server answers, and refuses the start.
  const broken = await startTestApi({ TEMPORAL_TASK_QUEUE: uniqueTaskQueue('broken'), TEMPORAL_NAMESPACE: 'cartly-no-such-namespace' });
  try {
    const brokenShop = await createShop(broken);
    const cid = await createLoggedInCustomer(broken, brokenShop, 'ann@example.com');
    const o = await fulfilledOrder(broken, brokenShop, cid.customerId);
    const res = await rest(broken, 'POST', '/customer/returns', { bearer: cid.cat, body: { order_id: o.id, lines: [line(o.small, 1)] } });
    expect(res.status).toBe(500);
    expect(res.body.error).toEqual({ code: 'INTERNAL', message: 'returns cannot be started right now; nothing was saved, please try again' });
    const em = broken.db.orm.em.fork();
    expect(await em.count(ReturnRequest, {})).toBe(0);
    expect(await em.count(ReturnRequestLine, {})).toBe(0);
    expect(await em.count(ReturnRequestEvent, {})).toBe(0);
    // And the customer's list agrees.
    expect((await rest(broken, 'GET', '/customer/returns', { bearer: cid.cat })).body.items).toEqual([]);
  } finally {
    await broken.close();
  }
});

test('an out-of-window unit never becomes returnable because an in-window one was returned first', async () => {
  // Two Small units shipped separately: one 35 days ago (outside the 30-day window), one yesterday.
  const split = await fulfilledOrder(t, shop, ann.customerId, { fulfil: 'none' });
  for (const daysAgo of [35, 1]) {
    const res = await rest(t, 'POST', `/admin/orders/${split.id}/fulfillments`, {
      bearer: shop.adminToken,
      body: { lines: [{ order_line_id: split.small, quantity: 1 }], fulfilled_at: new Date(Date.now() - daysAgo * 24 * 3600_000).toISOString() },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  const first = await requestReturn(ann.cat, { order_id: split.id, lines: [line(split.small, 1)] });
  expect(first.status, JSON.stringify(first.body)).toBe(200);
  created.push(first.body.id);
  // The in-window unit is taken; the one left shipped 35 days ago.
  const res = await refused(ann.cat, { order_id: split.id, lines: [line(split.small, 1)] }, 422, /lines\.0\.quantity: only 0 of .* can be returned/);
  expect(res.body.error.details).toEqual({ order_line_id: split.small, returnable: 0 });
});

test('a requested return past its deadline no longer holds its units, even if its workflow is gone', async () => {
  const fresh = await fulfilledOrder(t, shop, ann.customerId);
  const first = await requestReturn(ann.cat, { order_id: fresh.id, lines: [line(fresh.small, 3)] });
  expect(first.status, JSON.stringify(first.body)).toBe(200);
  created.push(first.body.id);
  await refused(ann.cat, { order_id: fresh.id, lines: [line(fresh.small, 1)] }, 422, /only 0 of/);

  // Its deadline passes and nothing ever mirrors the expiry (the workflow was lost).
  const client = await t.api.adapters.temporal.client();
  await client.workflow.getHandle(rmaWorkflowId(first.body.id)).terminate('lost');
  const em = t.db.orm.em.fork();
  const stale = await em.findOneOrFail(ReturnRequest, { id: first.body.id });
  stale.expiresAt = new Date(Date.now() - 1000);
  await em.flush();

  const again = await requestReturn(ann.cat, { order_id: fresh.id, lines: [line(fresh.small, 3)] });
  expect(again.status, JSON.stringify(again.body)).toBe(200);
  created.push(again.body.id);
  expect(again.body).toMatchObject({ status: 'requested', lines: [{ order_line_id: fresh.small, quantity: 3 }] });
});
