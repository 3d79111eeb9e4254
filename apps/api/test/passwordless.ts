import { request } from 'node:http';
import { Shop, type ShopSettings } from '@cartly/db';
import type { Env } from '../src/env.js';
import { startApi, type RunningApi } from '../src/app.js';
import type { TestApi, TestShop } from './harness.js';

/** Helpers for the passwordless and app-session tests. */

export function codeIn(text: string): string {
  const m = /\b(\d{6})\b/.exec(text);
  if (!m) throw new Error(`no 6-digit code in: ${text}`);
  return m[1]!;
}

export async function sql<T = Record<string, unknown>>(t: TestApi, query: string, params: unknown[] = []): Promise<T[]> {
  return t.db.orm.em.fork().execute(query, params) as Promise<T[]>;
}

export async function setShopSettings(t: TestApi, shop: TestShop, settings: ShopSettings): Promise<void> {
  const em = t.db.orm.em.fork();
  const row = await em.findOneOrFail(Shop, { id: shop.shopId });
  row.settings = { ...row.settings, ...settings };
  await em.flush();
}

/** Lets time pass for the rate limiter: shifts every recorded request `seconds` into the past. */
export async function ageThrottle(t: TestApi, seconds: number): Promise<void> {
  await sql(t, `update passwordless_throttle set hits = coalesce((select jsonb_agg((h::text)::bigint - ?) from jsonb_array_elements(hits) h), '[]'::jsonb)`, [seconds * 1000]);
}

/** A second API replica on the same database, as in a scaled-out deployment. */
export async function startReplica(t: TestApi, overrides: Partial<Env>): Promise<RunningApi> {
  return startApi({ ...t.env, PORT: 0, ...overrides }, { orm: t.db.orm });
}

/** A raw HTTP request with headers fetch would not let us forge (Host). */
export function rawRequest(
  url: string,
  opts: { method: string; headers: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: opts.method, headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}
