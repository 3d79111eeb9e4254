import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { type EntityManager, type MikroORM, poolReader, type Reader } from '@cartly/db';
import type { Env } from './env.js';
import type { DomainDeps } from './deps.js';

export interface AppDeps {
  env: Env;
  orm: MikroORM;
  deps: DomainDeps;
}

export interface Context {
  env: Env;
  /** Each domain's narrow dependencies (its deps.ts). */
  deps: DomainDeps;
  /**
   * A fork per request: the global EntityManager is never used by handlers.
   * Forked on first use, so a read that only needs `db` never pays for it.
   */
  em: EntityManager;
  /** Plain-SQL statements for the hot paths (@cartly/db's read-rows); in a mutation, inside its transaction. */
  db: Reader;
  req: IncomingMessage;
  res: ServerResponse;
  ip: string;
  /**
   * Queues work for after the mutation's transaction has committed (a Temporal call: no row
   * lock or pool connection is held while it runs). Its error becomes the request's answer; it gets
   * a fresh EntityManager (no transaction) to undo what was committed when the call definitely failed.
   * Only mutations have a transaction; a query that calls this is a bug (500).
   */
  afterCommit(task: (em: EntityManager) => Promise<void>): void;
}

/**
 * The client's address. Behind `hops` trusted proxies it is the entry that
 * many places from the right of X-Forwarded-For: each proxy appends the
 * address it received from, so entries further left were written by the
 * client and prove nothing. Anything but a valid IP there (a forged or
 * oversized entry, too few entries) falls back to the socket's address.
 */
export function clientIp(req: IncomingMessage, trustProxy: boolean, hops = 1): string {
  const socket = req.socket.remoteAddress ?? 'unknown';
  if (!trustProxy) return socket;
  const header = req.headers['x-forwarded-for'];
  const entries = (Array.isArray(header) ? header.join(',') : header ?? '').split(',').map((e) => e.trim());
  const candidate = entries.length >= hops ? entries[entries.length - hops] : undefined;
  return candidate && candidate.length <= 45 && isIP(candidate) ? candidate : socket;
}

const sharedContexts = new WeakSet<Context>();

/** Whether several procedures (a tRPC batch) run on this one context: each must then get a copy of its own. */
export function isSharedContext(ctx: Context): boolean {
  return sharedContexts.has(ctx);
}

export function contextFactory(app: AppDeps) {
  const db = poolReader(app.orm);
  return ({ req, res, info }: { req: IncomingMessage; res: object; info?: { isBatchCall?: boolean } }): Context => {
    let em: EntityManager | undefined;
    // An own enumerable getter (a literal's accessor, cheaper than defineProperty per request), so a
    // copy of the context (tRPC's next({ ctx })) carries the EntityManager, forked then.
    const ctx: Context = {
      env: app.env, deps: app.deps, db, req, res: res as ServerResponse, ip: clientIp(req, app.env.TRUST_PROXY, app.env.TRUST_PROXY_HOPS),
      get em(): EntityManager {
        return (em ??= app.orm.em.fork() as unknown as EntityManager);
      },
      afterCommit(): void {
        throw new Error('afterCommit outside a mutation');
      },
    };
    if (info?.isBatchCall) sharedContexts.add(ctx);
    return ctx;
  };
}
