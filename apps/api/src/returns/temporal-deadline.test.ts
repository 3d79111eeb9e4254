import { afterAll, beforeAll, expect, test } from 'vitest';
import { TRPCClientError } from '@trpc/client';
import { Refund, ReturnRequest } from '@cartly/db';
import { rmaWorkflowId } from '@cartly/contracts/workflows';
import { startApi, type RunningApi } from '../app.js';
import { createLoggedInCustomer, createShop, rest, startTestApi, trpcClient, type TestApi, type TestShop } from '../../test/harness.js';
import { fulfilledOrder, startReturnsWorker, terminateWorkflows, uniqueTaskQueue, waitForReturnStatus } from '../../test/returns.js';
import { startSilentServer, type LoopbackProxy } from '../../test/temporal-tls.js';

/*
 * Item 10 of the security issue: a Temporal that accepts connections and never
 * answers. Every Temporal call has a deadline and runs after the request's
 * commit, so the route answers 503 ("may have been applied, refresh") within
 * it, no pool connection waits on Temporal, and the other routes keep answering.
 */

const DEADLINE_MS = 800;
let silent: LoopbackProxy;
let t: TestApi;
let shop: TestShop;
let ann: { customerId: string; cat: string };

beforeAll(async () => {
  silent = await startSilentServer();
  t = await startTestApi({
    TEMPORAL_ADDRESS: silent.address, TEMPORAL_CALL_TIMEOUT_MS: DEADLINE_MS, TEMPORAL_TASK_QUEUE: uniqueTaskQueue('temporal-deadline'),
  });
  shop = await createShop(t);
  ann = await createLoggedInCustomer(t, shop, 'ann@example.com');
});
afterAll(async () => {
  await t?.close();
  await silent?.close();
});

const createBody = (order: { id: string; small: string }) => ({
  order_id: order.id, lines: [{ order_line_id: order.small, quantity: 1, reason: 'damaged' }],
});

test('a return request answers 503 within the deadline, and the request it recorded is there on refresh', async () => {
  const order = await fulfilledOrder(t, shop, ann.customerId);
  const startedAt = Date.now();
  const res = await rest(t, 'POST', '/customer/returns', { bearer: ann.cat, body: createBody(order) });
  const took = Date.now() - startedAt;
  expect(res.status).toBe(503);
  expect(res.body).toEqual({ error: { code: 'UNAVAILABLE', message: expect.stringMatching(/saved, but starting it may not have completed; refresh/) } });
  // Bounded by the deadline (with slack for a loaded machine), not by the SDK's 10 s connect timeout or forever.
  expect(took).toBeLessThan(DEADLINE_MS + 4000);
  const list = await rest(t, 'GET', '/customer/returns', { bearer: ann.cat });
  expect(list.body.items.filter((r: { order_id: string }) => r.order_id === order.id)).toMatchObject([{ status: 'requested' }]);
});

test('twelve stalled Temporal calls at once (more than the pool) leave the other routes answering', async () => {
  const orders = await Promise.all(Array.from({ length: 12 }, () => fulfilledOrder(t, shop, ann.customerId)));
  let stalledDone = false;
  const stalled = Promise.all(orders.map((o) => rest(t, 'POST', '/customer/returns', { bearer: ann.cat, body: createBody(o) }))).finally(() => {
    stalledDone = true;
  });
  await new Promise((r) => setTimeout(r, DEADLINE_MS / 4));
  // A storefront read and a mutation without Temporal, while all twelve wait on Temporal.
  const read = await rest(t, 'GET', '/storefront/v1/customer/addresses', { sat: shop.sat, bearer: ann.cat });
  expect(read.status).toBe(200);
  const write = await rest(t, 'POST', '/storefront/v1/customer/addresses', {
    sat: shop.sat, bearer: ann.cat, body: { address1: '1 Main St', city: 'Springfield', country_code: 'US', zip: '12345' },
  });
  expect(write.status, JSON.stringify(write.body)).toBe(200);
  expect(stalledDone).toBe(false);
  const answers = await stalled;
  expect(answers.map((a) => a.status)).toEqual(orders.map(() => 503));
  expect(await t.db.orm.em.fork().count(ReturnRequest, { order: { $in: orders.map((o) => o.id) } })).toBe(12);
});

test('approve and reject answer 503 on both faces with the decision recorded; a healthy Temporal then finishes the return once', async () => {
  const order = await fulfilledOrder(t, shop, ann.customerId);
  expect((await rest(t, 'POST', '/customer/returns', { bearer: ann.cat, body: createBody(order) })).status).toBe(503);
  const [recorded] = (await rest(t, 'GET', '/admin/returns', { bearer: shop.adminToken })).body.items.filter(
    (r: { order_id: string }) => r.order_id === order.id,
  );
  const approve = await rest(t, 'POST', `/admin/returns/${recorded.id}/approve`, { bearer: shop.adminToken, body: {} });
  expect(approve.status).toBe(503);
  expect(approve.body.error).toEqual({ code: 'UNAVAILABLE', message: expect.stringMatching(/decision was saved.*may not have completed; refresh/) });
  expect((await rest(t, 'GET', `/admin/returns/${recorded.id}`, { bearer: shop.adminToken })).body.status).toBe('approved');

  // The typed client sees the same 503 and code (a reject of another recorded request).
  const other = await fulfilledOrder(t, shop, ann.customerId);
  await rest(t, 'POST', '/customer/returns', { bearer: ann.cat, body: createBody(other) });
  const [second] = (await rest(t, 'GET', '/admin/returns', { bearer: shop.adminToken })).body.items.filter(
    (r: { order_id: string }) => r.order_id === other.id,
  );
  const err = await trpcClient(t, { bearer: shop.adminToken }).returns.reject.mutate({ id: second.id, reason: 'final_sale' }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(TRPCClientError);
  expect((err as TRPCClientError<never>).data).toMatchObject({ httpStatus: 503 });

  // Temporal is back (a second API process on the same database, and a worker): deciding again is 409 and hands
  // the recorded decision over; the workflow, which never started, starts with it and refunds exactly once.
  const env = { ...t.env, TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS!, TEMPORAL_CALL_TIMEOUT_MS: 5000 };
  let healthy: RunningApi | undefined;
  const worker = await startReturnsWorker({ env, smtp: t.smtp, db: t.db });
  try {
    healthy = await startApi(env, { orm: t.db.orm });
    const api = { ...t, url: healthy.url };
    const again = await rest(api, 'POST', `/admin/returns/${recorded.id}/approve`, { bearer: shop.adminToken, body: {} });
    expect(again.status).toBe(409);
    await waitForReturnStatus(api, ann.cat, recorded.id, 'refunded');
    expect(await t.db.orm.em.fork().count(Refund, { order: order.id })).toBe(1);
    const rejectedAgain = await rest(api, 'POST', `/admin/returns/${second.id}/reject`, { bearer: shop.adminToken, body: { reason: 'final_sale' } });
    expect(rejectedAgain.status).toBe(409);
    await waitForReturnStatus(api, ann.cat, second.id, 'rejected');
    await terminateWorkflows({ ...t, api: healthy } as TestApi, [rmaWorkflowId(recorded.id), rmaWorkflowId(second.id)]);
  } finally {
    await healthy?.close();
    await worker.stop();
  }
}, 90_000); // Bundling the worker's workflows takes a while on a busy machine.
