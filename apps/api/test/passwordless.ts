import { request } from 'node:http';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import type { Env } from '../src/env.js';
import { startApi, type RunningApi } from '../src/app.js';
import type { DomainDeps } from '../src/deps.js';
import type { TestApi } from './harness.js';

/** Helpers for the passwordless and app-session tests. */

export function codeIn(text: string): string {
  const m = /\b(\d{6})\b/.exec(text);
  if (!m) throw new Error(`no 6-digit code in: ${text}`);
  return m[1]!;
}

export async function sql<T = Record<string, unknown>>(t: TestApi, query: string, params: unknown[] = []): Promise<T[]> {
  return t.db.orm.em.fork().execute(query, params) as Promise<T[]>;
}

/** Lets time pass for the rate limiter: shifts every recorded request `seconds` into the past. */
export async function ageThrottle(t: TestApi, seconds: number): Promise<void> {
  await sql(t, `update rate_limit_window set hits = coalesce((select jsonb_agg((h::text)::bigint - ?) from jsonb_array_elements(hits) h), '[]'::jsonb)`, [seconds * 1000]);
}

/** A second API replica on the same database, as in a scaled-out deployment. */
export async function startReplica(t: TestApi, overrides: Partial<Env>): Promise<RunningApi> {
  return startApi({ ...t.env, PORT: 0, ...overrides }, { orm: t.db.orm });
}

/** A replica whose domain dependencies are changed by `replace`. */
export async function startReplicaWith(
  t: TestApi,
  overrides: Partial<Env>,
  replace: (deps: DomainDeps) => DomainDeps,
): Promise<RunningApi> {
  return startApi({ ...t.env, PORT: 0, ...overrides }, { orm: t.db.orm, deps: replace });
}

/**
 * A TCP relay to an SMTP server that holds each connection `delayMs` before
 * connecting it through: an SMTP server slow to answer, as a congested one is.
 */
export async function startSlowSmtpRelay(targetUrl: string, delayMs: number): Promise<{ url: string; close(): Promise<void> }> {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    client.pause();
    setTimeout(() => {
      if (client.destroyed) return;
      const upstream = connect(Number(target.port), target.hostname, () => {
        client.pipe(upstream).pipe(client);
        client.resume();
      });
      sockets.add(upstream);
      upstream.on('close', () => { sockets.delete(upstream); client.destroy(); });
      upstream.on('error', () => client.destroy());
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
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
