import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EntityManager, MikroORM } from '@cartly/db';
import type { Env } from './env.js';
import type { Services } from './adapters/adapters.js';

export interface Deps {
  env: Env;
  orm: MikroORM;
  services: Services;
}

export interface Context {
  env: Env;
  services: Services;
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

export function contextFactory(deps: Deps) {
  return ({ req, res }: { req: IncomingMessage; res: object }): Context => ({
    env: deps.env,
    services: deps.services,
    em: deps.orm.em.fork() as unknown as EntityManager,
    req,
    res: res as ServerResponse,
    ip: clientIp(req, deps.env.TRUST_PROXY),
  });
}

export function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export function bearer(req: IncomingMessage): string | undefined {
  const v = header(req, 'authorization');
  const m = v ? /^Bearer\s+(\S+)$/i.exec(v) : null;
  return m?.[1];
}
