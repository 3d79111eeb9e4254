import { createTRPCClient, httpLink } from '@trpc/client';
import { Shop, type ShopSettings } from '@cartly/db';
import { createTestDatabase, type TestDatabase } from '@cartly/db/testing';
import { startSmtpSink, type SmtpSink } from '@cartly/mail/testing';
import { loadEnv, type Env } from '../src/env.js';
import { startApi, type RunningApi } from '../src/app.js';
import { installApp, provisionShop } from '../src/shops/shops.js';
import { createCustomer } from '../src/customers/create-customer.js';
import { issueCustomerToken } from '../src/auth/credentials.js';
import type { AppRouter } from '../src/router.js';

/**
 * One API per test file on a port of its own, over a database of its own,
 * with a real SMTP sink on loopback.
 */
export interface TestApi {
  url: string;
  api: RunningApi;
  db: TestDatabase;
  smtp: SmtpSink;
  env: Env;
  close(): Promise<void>;
}

export async function startTestApi(overrides: Partial<Env> = {}): Promise<TestApi> {
  const db = await createTestDatabase();
  const smtp = await startSmtpSink();
  const env = loadEnv(process.env, {
    NODE_ENV: 'test',
    PORT: 0,
    DATABASE_URL: db.url,
    SMTP_URL: smtp.url,
    ...overrides,
  } as Partial<Env>);
  const api = await startApi(env, { orm: db.orm });
  return {
    url: api.url,
    api,
    db,
    smtp,
    env,
    async close() {
      await api.close();
      await smtp.close();
      await db.drop();
    },
  };
}

export interface TestShop {
  shopId: string;
  adminToken: string;
  sat: string;
}

export async function createShop(t: TestApi, name = 'Test Shop'): Promise<TestShop> {
  const em = t.db.orm.em.fork();
  const { shop, adminToken, storefrontAccessToken } = await provisionShop(em, { name, email: `merchant-${Math.random().toString(36).slice(2)}@example.com` });
  return { shopId: shop.id, adminToken, sat: storefrontAccessToken };
}

/** The shop a test works in and a second one ('Other') whose data and tokens must never reach it. */
export async function createTwoShops(t: TestApi): Promise<{ shop: TestShop; other: TestShop }> {
  return { shop: await createShop(t), other: await createShop(t, 'Other') };
}

/** Merges `settings` into the shop's settings, as the merchant admin would. */
export async function setShopSettings(t: TestApi, shop: TestShop, settings: ShopSettings): Promise<void> {
  const em = t.db.orm.em.fork();
  const row = await em.findOneOrFail(Shop, { id: shop.shopId });
  row.settings = { ...row.settings, ...settings };
  await em.flush();
}

export async function createLoggedInCustomer(t: TestApi, shop: TestShop, email: string) {
  const em = t.db.orm.em.fork();
  const customer = await createCustomer(em, shop.shopId, { email, firstName: 'Test', lastName: 'Customer' });
  const { token, expiresAt } = issueCustomerToken(em, { shopId: shop.shopId, customerId: customer.id, ttlHours: 1 });
  await em.flush();
  return { customerId: customer.id, cat: token, expiresAt };
}

export async function installTestApp(t: TestApi, shop: TestShop, name = 'Test App', iframeHosts: string[] = ['apps.example.com']) {
  const em = t.db.orm.em.fork();
  const { app, appToken } = await installApp(em, { shopId: shop.shopId, name, iframeHosts });
  return { appId: app.id, clientId: app.clientId, appToken };
}

export interface Credentials {
  sat?: string;
  bearer?: string;
}

function headersFor(c: Credentials): Record<string, string> {
  return {
    ...(c.sat ? { 'X-Shopify-Storefront-Access-Token': c.sat } : {}),
    ...(c.bearer ? { Authorization: `Bearer ${c.bearer}` } : {}),
  };
}

export interface RestResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** A REST call as a curl user would make it. */
export async function rest<T = any>(
  t: { url: string },
  method: string,
  path: string,
  opts: Credentials & { body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<RestResponse<T>> {
  const hasBody = opts.body !== undefined || opts.rawBody !== undefined;
  const res = await fetch(`${t.url}${path}`, {
    method,
    headers: { ...(hasBody ? { 'content-type': 'application/json' } : {}), ...headersFor(opts), ...opts.headers },
    body: opts.rawBody ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined),
    redirect: 'manual',
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON
  }
  return { status: res.status, headers: res.headers, body: body as T };
}

/** The typed tRPC client, as the widget uses it. */
export function trpcClient(t: { url: string }, c: Credentials = {}) {
  return createTRPCClient<AppRouter>({ links: [httpLink({ url: `${t.url}/trpc`, headers: () => headersFor(c) })] });
}
