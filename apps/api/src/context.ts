import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EntityManager, MikroORM } from '@cartly/db';
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
  /** A fork per request: the global EntityManager is never used by handlers. */
  em: EntityManager;
  req: IncomingMessage;
  res: ServerResponse;
  ip: string;
}

export function clientIp(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

export function contextFactory(app: AppDeps) {
  return ({ req, res }: { req: IncomingMessage; res: object }): Context => ({
    env: app.env,
    deps: app.deps,
    em: app.orm.em.fork() as unknown as EntityManager,
    req,
    res: res as ServerResponse,
    ip: clientIp(req, app.env.TRUST_PROXY),
  });
}
