import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { openOrm, type MikroORM } from '@cartly/db';
import { rmaWorkflowId } from '@cartly/contracts/workflows';
import type { RunningWorker } from '@cartly/worker';
import { startApi, type RunningApi } from '../app.js';
import { createLoggedInCustomer, createShop, rest, startTestApi, trpcClient, type TestApi, type TestShop } from '../../test/harness.js';
import {
  fulfilledOrder, killProcess, startReturnsWorker, startWorkerProcess, terminateWorkflows, uniqueTaskQueue, type FulfilledOrder,
} from '../../test/returns.js';

/*
 * The soak's correctness parts (`npm run soak` has the figures), short: two API
 * replicas on one database and two workers on one task queue. Returns are
 * requested and decided through both replicas while one replica is restarted
 * and one worker (a process of its own) is SIGKILLed mid-flight and started
 * again; address writes go through both replicas across the restart. Every
 * approved return is refunded exactly once, no rejected one is, and no write
 * is lost.
 */

let t: TestApi;
let replicaOrm: MikroORM;
let replica: RunningApi;
let inProcessWorker: RunningWorker;
let workerProcess: ChildProcess | undefined;
let shop: TestShop;
let ann: { customerId: string; cat: string };
const started: string[] = [];

beforeAll(async () => {
  t = await startTestApi({ TEMPORAL_TASK_QUEUE: uniqueTaskQueue('scale-out') });
  // The second replica has a pool of its own, as a second process would.
  replicaOrm = await openOrm({ databaseUrl: t.db.url, poolMax: 4 });
  replica = await startApi({ ...t.env, PORT: 0 }, { orm: replicaOrm });
  [inProcessWorker, workerProcess] = await Promise.all([startReturnsWorker(t), startWorkerProcess(t)]);
  shop = await createShop(t);
  ann = await createLoggedInCustomer(t, shop, 'ann@example.com');
}, 120_000);
afterAll(async () => {
  await terminateWorkflows(t, started.map(rmaWorkflowId));
  if (workerProcess) await killProcess(workerProcess);
  await inProcessWorker?.stop();
  await replica?.close();
  await replicaOrm?.close(true);
  await t?.close();
});

const RETURNS = 12;

test('across an API replica restart and a worker SIGKILL: every approved return refunded exactly once, no write lost', async () => {
  const orders: FulfilledOrder[] = [];
  for (let i = 0; i < RETURNS; i++) orders.push(await fulfilledOrder(t, shop, ann.customerId, { fulfil: 'small' }));
  const replicas = () => [t, { url: replica.url }];
  const on = (i: number) => replicas()[i % 2]!;
  const creds = { sat: shop.sat, bearer: ann.cat };

  const requestAndDecide = async (i: number) => {
    const created = await rest(on(i), 'POST', '/customer/returns', {
      bearer: ann.cat, body: { order_id: orders[i]!.id, lines: [{ order_line_id: orders[i]!.small, quantity: 1, reason: 'damaged' }] },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    started.push(created.body.id);
    // Decided on the other replica; every fourth is rejected.
    const reject = i % 4 === 3;
    const decided = await rest(on(i + 1), 'POST', `/admin/returns/${created.body.id}/${reject ? 'reject' : 'approve'}`, {
      bearer: shop.adminToken, body: reject ? { reason: 'final_sale' } : {},
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    return { id: created.body.id as string, reject };
  };
  const addAddress = async (i: number) => {
    const res = await rest(on(i), 'POST', '/storefront/v1/customer/addresses', {
      ...creds, body: { address1: `${i} Replica Road`, city: 'Springfield', country_code: 'US' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.id as string;
  };

  const decided: { id: string; reject: boolean }[] = [];
  const addresses: string[] = [];
  // First half, then the faults, then the second half while the new worker process and replica come up.
  for (let i = 0; i < RETURNS / 2; i++) {
    decided.push(await requestAndDecide(i));
    addresses.push(await addAddress(i));
  }
  await killProcess(workerProcess!); // mid-flight: approvals just sent, activities in progress on both workers
  await replica.close();
  replica = await startApi({ ...t.env, PORT: 0 }, { orm: replicaOrm });
  const restarting = startWorkerProcess(t);
  for (let i = RETURNS / 2; i < RETURNS; i++) {
    decided.push(await requestAndDecide(i));
    addresses.push(await addAddress(i));
  }
  workerProcess = await restarting;

  // A duplicate decision through the other replica changes nothing.
  const first = decided.find((d) => !d.reject)!;
  expect((await rest(on(1), 'POST', `/admin/returns/${first.id}/approve`, { bearer: shop.adminToken, body: {} })).status).toBe(409);

  const approved = decided.filter((d) => !d.reject).map((d) => d.id);
  const rejected = decided.filter((d) => d.reject).map((d) => d.id);
  const sql = (q: string, p: unknown[] = []) => t.db.orm.em.fork().getConnection().execute(q, p);
  const deadline = Date.now() + 120_000; // a task held by the killed worker is retried after its timeout (30 s - 1 min)
  for (;;) {
    const [row = {}] = await sql(
      `select count(*) filter (where status = 'refunded')::int as refunded, count(*) filter (where status = 'rejected')::int as rejected from return_request where shop_id = ?`,
      [shop.shopId],
    );
    if (row.refunded === approved.length && row.rejected === rejected.length) break;
    if (Date.now() > deadline) throw new Error(`after 120 s: ${row.refunded} refunded of ${approved.length}, ${row.rejected} rejected of ${rejected.length}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const refunds = await sql('select return_request_id, order_id, amount_cents from refund where shop_id = ?', [shop.shopId]);
  expect(refunds.map((r) => r.return_request_id).sort()).toEqual([...approved].sort());
  const orderRows = await sql('select id, refunded_cents from "order" where shop_id = ?', [shop.shopId]);
  for (const o of orderRows) {
    expect(o.refunded_cents).toBe(refunds.filter((r) => r.order_id === o.id).reduce((s, r) => s + r.amount_cents, 0));
  }

  // Every address written through either replica, before or after the restart, reads back on both faces and both replicas.
  const viaRest = await rest(on(1), 'GET', '/storefront/v1/customer/addresses?limit=50', creds);
  expect(viaRest.body.items.map((a: { id: string }) => a.id).sort()).toEqual([...addresses].sort());
  const viaTrpc = await trpcClient(on(0), creds).account.addresses.list.query({ limit: 50 });
  expect(viaTrpc.items.map((a) => a.id).sort()).toEqual([...addresses].sort());
}, 240_000);
