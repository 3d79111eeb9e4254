import { afterAll, beforeAll, expect, test } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { temporalConnectionConfig } from '@cartly/config';
import { Refund } from '@cartly/db';
import { rmaWorkflowId } from '@cartly/contracts/workflows';
import { installTemporalRuntime, startWorker, stepsRun, type RunningWorker } from '@cartly/worker';
import { createMailer } from '@cartly/mail';
import { temporalGateway } from '../adapters/temporal.js';
import { createLoggedInCustomer, createShop, rest, startTestApi, type TestApi, type TestShop } from '../../test/harness.js';
import { fulfilledOrder, startReturnsWorker, terminateWorkflows, uniqueTaskQueue, waitForReturnStatus } from '../../test/returns.js';
import { generateTestCertificates, startTlsProxy, type LoopbackProxy, type TestCertificates } from '../../test/temporal-tls.js';

/*
 * Item 9 of the security issue: both the API's and the worker's Temporal
 * connections speak mTLS (through a TLS-terminating proxy on loopback, since
 * the dev server serves plaintext only), refuse a server they cannot verify
 * or that refuses them, and a raw signal sent straight to Temporal moves no money.
 */

const upstream = process.env.TEMPORAL_ADDRESS!;
let certs: TestCertificates;
let proxy: LoopbackProxy;
let t: TestApi;
let worker: RunningWorker;
let shop: TestShop;
let ann: { customerId: string; cat: string };
const started: string[] = [];

/** The settings an operator would give both processes for mTLS. */
const tlsEnv = () => ({
  TEMPORAL_ADDRESS: proxy.address,
  TEMPORAL_TLS_CA_FILE: certs.caFile,
  TEMPORAL_TLS_CERT_FILE: certs.clientCertFile,
  TEMPORAL_TLS_KEY_FILE: certs.clientKeyFile,
  TEMPORAL_TLS_SERVER_NAME: 'temporal.test',
});

beforeAll(async () => {
  installTemporalRuntime('ERROR');
  certs = generateTestCertificates();
  proxy = await startTlsProxy(certs, upstream, { mtls: true });
  t = await startTestApi({ TEMPORAL_TASK_QUEUE: uniqueTaskQueue('authenticated-temporal'), ...tlsEnv() });
  worker = await startReturnsWorker(t);
  shop = await createShop(t);
  ann = await createLoggedInCustomer(t, shop, 'ann@example.com');
});
afterAll(async () => {
  await terminateWorkflows(t, started.map(rmaWorkflowId));
  await worker?.stop();
  await t?.close();
  await proxy?.close();
  certs?.remove();
});

async function requestReturn() {
  const order = await fulfilledOrder(t, shop, ann.customerId);
  const res = await rest(t, 'POST', '/customer/returns', {
    bearer: ann.cat, body: { order_id: order.id, lines: [{ order_line_id: order.small, quantity: 1, reason: 'damaged' }] },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  started.push(res.body.id);
  return { order, ret: res.body as { id: string } };
}

const refundsOf = (orderId: string) => t.db.orm.em.fork().find(Refund, { order: orderId });

/** A plain client on the dev server itself: what an attacker who reaches the frontend has. */
async function rawClient(): Promise<{ client: Client; close(): Promise<void> }> {
  const connection = await Connection.connect({ address: upstream });
  return { client: new Client({ connection }), close: () => connection.close() };
}

test('the API and the worker run a return to its refund over mTLS, the only way they reach Temporal here', async () => {
  const { order, ret } = await requestReturn();
  const approved = await rest(t, 'POST', `/admin/returns/${ret.id}/approve`, { bearer: shop.adminToken, body: {} });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  await waitForReturnStatus(t, ann.cat, ret.id, 'refunded');
  expect(await refundsOf(order.id)).toHaveLength(1);
  // The worker's and the API's connections both went through the TLS proxy (the address both were given).
  expect(proxy.forwarded).toBeGreaterThanOrEqual(2);
});

test('without the CA, with a stranger CA, without a client certificate or in plaintext, neither side connects', async () => {
  const base = { ...t.env, ...tlsEnv(), TEMPORAL_CALL_TIMEOUT_MS: 1500 };
  const variants = {
    'system roots only': { ...base, TEMPORAL_TLS_CA_FILE: undefined },
    'a stranger CA': { ...base, TEMPORAL_TLS_CA_FILE: certs.strangerCaFile },
    'no client certificate': { ...base, TEMPORAL_TLS_CERT_FILE: undefined, TEMPORAL_TLS_KEY_FILE: undefined },
    plaintext: {
      ...base, TEMPORAL_TLS: false, TEMPORAL_TLS_CA_FILE: undefined, TEMPORAL_TLS_CERT_FILE: undefined,
      TEMPORAL_TLS_KEY_FILE: undefined, TEMPORAL_TLS_SERVER_NAME: undefined,
    },
  };
  const mailer = createMailer({ smtpUrl: t.smtp.url, from: t.env.MAIL_FROM });
  try {
    for (const [name, env] of Object.entries(variants)) {
      const connection = temporalConnectionConfig(env);
      const gateway = temporalGateway({ connection, namespace: 'default', taskQueue: t.env.TEMPORAL_TASK_QUEUE, callTimeoutMs: 1500 });
      await expect(gateway.call((c) => c.workflowService.getSystemInfo({})), `API, ${name}`).rejects.toThrow();
      await gateway.close();
      await expect(
        startWorker({ ...connection, taskQueue: uniqueTaskQueue('refused'), activities: { orm: t.db.orm, mailer } }).then((w) => w.stop()),
        `worker, ${name}`,
      ).rejects.toThrow();
    }
  } finally {
    mailer.close();
  }
  // With the full configuration the same call answers.
  const gateway = temporalGateway({ connection: temporalConnectionConfig(base), namespace: 'default', taskQueue: 'x', callTimeoutMs: 5000 });
  await expect(gateway.call((c) => c.workflowService.getSystemInfo({}))).resolves.toBeTruthy();
  await gateway.close();
});

test('a raw approve signal sent straight to Temporal refunds nothing; the admin approval then refunds exactly once', async () => {
  const { order, ret } = await requestReturn();
  const raw = await rawClient();
  try {
    const handle = raw.client.workflow.getHandle(rmaWorkflowId(ret.id));
    await handle.signal('approve', { note: 'pay me' });
    await handle.signal('approve', {});
    // The workflow read the row (still requested) and went back to waiting.
    const readings = async () => stepsRun(await handle.fetchHistory()).length;
    const waitingAgain = async () => (await readings()) >= 1 && (await handle.query<{ step: string }>('status')).step === 'awaiting_decision';
    await expect.poll(waitingAgain, { timeout: 15_000 }).toBe(true);
    expect(await handle.query('status')).toMatchObject({ status: 'requested', decision: null });
    expect((await rest(t, 'GET', `/customer/returns/${ret.id}`, { bearer: ann.cat })).body).toMatchObject({ status: 'requested', refund: null });
    expect(await refundsOf(order.id)).toHaveLength(0);

    const approved = await rest(t, 'POST', `/admin/returns/${ret.id}/approve`, { bearer: shop.adminToken, body: {} });
    expect(approved.status).toBe(200);
    await waitForReturnStatus(t, ann.cat, ret.id, 'refunded');
    // One more raw approve after the refund changes nothing either.
    await handle.signal('approve', {}).catch(() => undefined);
    expect(await refundsOf(order.id)).toHaveLength(1);
  } finally {
    await raw.close();
  }
});

test('a raw approve for a return the merchant rejected refunds nothing', async () => {
  const { order, ret } = await requestReturn();
  const rejected = await rest(t, 'POST', `/admin/returns/${ret.id}/reject`, { bearer: shop.adminToken, body: { reason: 'final_sale' } });
  expect(rejected.status).toBe(200);
  const raw = await rawClient();
  try {
    await raw.client.workflow.getHandle(rmaWorkflowId(ret.id)).signal('approve', {}).catch(() => undefined);
    expect(await raw.client.workflow.getHandle(rmaWorkflowId(ret.id)).result()).toBe('rejected');
  } finally {
    await raw.close();
  }
  expect(await refundsOf(order.id)).toHaveLength(0);
});
