import { randomUUID } from 'node:crypto';
import { openOrm, type EntityManager } from '@cartly/db';
import { createCustomer, issueCustomerToken, provisionShop } from '@cartly/api/provisioning';
import { childEnv } from '../env.js';
import { spawnServer, type ServerChild } from '../child.js';
import { throwawaySecrets } from '../secrets.js';
import { must } from './http.js';

/*
 * The pieces the returns, login and soak scenarios run: API replicas and
 * workers as child processes of their own on one PostgreSQL database and one
 * Temporal task queue, sharing the run's secrets (so a code or token one API
 * replica issues is good on the others), mailing into an SMTP sink here.
 */

export interface RunConfig {
  databaseUrl: string;
  temporalAddress: string;
  smtpUrl: string;
  poolMax: number;
  /** API settings for this run (raised limits for a bench). */
  extra?: Record<string, string>;
}

export interface Run {
  taskQueue: string;
  emptyTaskQueue: string;
  startApi(): Promise<ServerChild>;
  startWorker(): Promise<ServerChild>;
  startEmptyWorker(): Promise<ServerChild>;
}

export function prepareRun(cfg: RunConfig): Run {
  const taskQueue = `bench-${randomUUID()}`;
  const vars = childEnv({
    DATABASE_URL: cfg.databaseUrl,
    DATABASE_POOL_MAX: String(cfg.poolMax),
    BENCH_POOL_MAX: String(cfg.poolMax),
    NODE_ENV: 'production',
    TEMPORAL_ADDRESS: cfg.temporalAddress,
    TEMPORAL_TASK_QUEUE: taskQueue,
    BENCH_TASK_QUEUE: taskQueue,
    SMTP_URL: cfg.smtpUrl,
    BENCH_SMTP_URL: cfg.smtpUrl,
    ...throwawaySecrets(),
    ...cfg.extra,
  });
  return {
    taskQueue,
    emptyTaskQueue: `${taskQueue}-empty`,
    startApi: () => spawnServer('./api-server.ts', vars),
    startWorker: () => spawnServer('./cluster/worker-server.ts', vars),
    // A queue of its own: the RMA worker must never be handed the empty workflow's tasks.
    startEmptyWorker: () => spawnServer('./returns/empty-worker-server.ts', { ...vars, BENCH_TASK_QUEUE: `${taskQueue}-empty` }),
  };
}

export interface SeededShop {
  shopId: string;
  sat: string;
  adminToken: string;
  customerId: string;
  cat: string;
}

/** A shop with its owner's admin token, a SAT, and `customers` customers with a live CAT each. */
export async function seedShop(databaseUrl: string, customers = 1): Promise<SeededShop[]> {
  const orm = await openOrm({ databaseUrl, poolMax: 2 });
  try {
    return await orm.em.fork().transactional(async (tx) => {
      const em = tx as unknown as EntityManager;
      const { shop, storefrontAccessToken, adminToken } = await provisionShop(em, { name: 'Bench Returns Shop', email: 'merchant@bench.cartly.test' });
      const seeded: SeededShop[] = [];
      for (let i = 0; i < customers; i++) {
        const customer = await createCustomer(em, shop.id, { email: `customer-${i}@bench.cartly.test`, firstName: 'Bench', lastName: `Customer ${i}` });
        const { token } = issueCustomerToken(em, { shopId: shop.id, customerId: customer.id, ttlHours: 24 });
        seeded.push({ shopId: shop.id, sat: storefrontAccessToken, adminToken, customerId: customer.id, cat: token });
      }
      await em.flush();
      return seeded;
    });
  } finally {
    await orm.close(true);
  }
}

/** A product with one $20 variant, through the admin API. */
export async function createProduct(api: string, shop: SeededShop): Promise<string> {
  const product = await must<{ variants: { id: string }[] }>(api, {
    method: 'POST', path: '/admin/products', bearer: shop.adminToken,
    body: { title: 'Bench Tee', variants: [{ title: 'One size', sku: 'BT-1', price_cents: 2000 }] },
  });
  return product.variants[0]!.id;
}

/** A paid order of one unit, fulfilled, through the admin API as a merchant would: its line is returnable. */
export async function fulfilledOrder(api: string, shop: SeededShop, variantId: string): Promise<{ orderId: string; lineId: string }> {
  const order = await must<{ id: string; lines: { id: string }[] }>(api, {
    method: 'POST', path: '/admin/orders', bearer: shop.adminToken, body: { customer_id: shop.customerId, lines: [{ variant_id: variantId, quantity: 1 }] },
  });
  await must(api, { method: 'POST', path: `/admin/orders/${order.id}/fulfillments`, bearer: shop.adminToken, body: {} });
  return { orderId: order.id, lineId: order.lines[0]!.id };
}
