import { randomUUID } from 'node:crypto';
import { temporalConnectionConfig } from '@cartly/config';
import { createMailer } from '@cartly/mail';
import { Shop } from '@cartly/db';
// Test-only (devDependency): the API itself never loads worker code.
import { installTemporalRuntime, startWorker, type RunningWorker } from '@cartly/worker';
import { rest, type TestApi, type TestShop } from './harness.js';

// Shared with the other suites; re-exported so the returns tests keep one import site.
export { setShopSettings } from './harness.js';
import { createOrder, createProduct } from './catalog.js';

/** A task queue of this test file only, so test files never run each other's workflows. */
export function uniqueTaskQueue(name: string): string {
  return `api-${name}-${randomUUID()}`;
}

/** The real worker, in-process, on the API's task queue, mailing into the API's SMTP sink. */
export async function startReturnsWorker(t: Pick<TestApi, 'env' | 'smtp' | 'db'>): Promise<RunningWorker> {
  installTemporalRuntime('WARN');
  const mailer = createMailer({ smtpUrl: t.smtp.url, from: t.env.MAIL_FROM });
  const running = await startWorker({
    // The API's own connection settings (TLS, mTLS, API key), parsed the way the worker's main.ts does.
    ...temporalConnectionConfig(t.env),
    namespace: t.env.TEMPORAL_NAMESPACE,
    taskQueue: t.env.TEMPORAL_TASK_QUEUE,
    activities: { orm: t.db.orm, mailer },
    shutdownGraceTime: 0,
  });
  return {
    ...running,
    async stop() {
      await running.stop();
      mailer.close();
    },
  };
}

export async function shopEmail(t: TestApi, shop: TestShop): Promise<string> {
  return (await t.db.orm.em.fork().findOneOrFail(Shop, { id: shop.shopId })).email!;
}

export interface FulfilledOrder {
  id: string;
  number: number;
  /** 3 × Small at $20.00 */
  small: string;
  /** 1 × Large at $25.00 */
  large: string;
}

/**
 * A paid order of 3 × Small ($20) and 1 × Large ($25), created and fulfilled
 * through the admin API as a merchant would. `fulfil: 'small'` ships only the
 * Small line; `fulfilledAt` backdates the shipment.
 */
export async function fulfilledOrder(
  t: TestApi,
  shop: TestShop,
  customerId: string,
  opts: { fulfil?: 'all' | 'small' | 'none'; fulfilledAt?: Date } = {},
): Promise<FulfilledOrder> {
  const product = await createProduct(t, shop);
  const order = await createOrder(t, shop, customerId, [
    { variant_id: product.variants[0]!.id, quantity: 3 },
    { variant_id: product.variants[1]!.id, quantity: 1 },
  ]);
  // Lines are listed by id, and ids minted in one millisecond are unordered: pick them by quantity.
  const small = order.lines.find((l) => l.quantity === 3)!.id;
  const large = order.lines.find((l) => l.quantity === 1)!.id;
  const fulfil = opts.fulfil ?? 'all';
  if (fulfil !== 'none') {
    const res = await rest(t, 'POST', `/admin/orders/${order.id}/fulfillments`, {
      bearer: shop.adminToken,
      body: {
        ...(fulfil === 'small' ? { lines: [{ order_line_id: small, quantity: 3 }] } : {}),
        ...(opts.fulfilledAt ? { fulfilled_at: opts.fulfilledAt.toISOString() } : {}),
      },
    });
    if (res.status !== 200) throw new Error(`fulfil: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return { id: order.id, number: order.number, small, large };
}

/** Polls a customer's return until it reaches `status` (the workflow works asynchronously). */
export async function waitForReturnStatus(t: TestApi, cat: string, id: string, status: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await rest(t, 'GET', `/customer/returns/${id}`, { bearer: cat });
    if (res.body?.status === status) return res.body;
    if (Date.now() > deadline) throw new Error(`return ${id} is ${res.body?.status}, not ${status}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Terminates workflows a test left running on the shared server. */
export async function terminateWorkflows(t: TestApi, workflowIds: string[]): Promise<void> {
  const client = await t.api.adapters.temporal.client();
  await Promise.allSettled(workflowIds.map((id) => client.workflow.getHandle(id).terminate('test finished')));
}
