import type { AddressInfo } from 'node:net';
import { openOrm, type MikroORM } from '@cartly/db';
import type { Env } from './env.js';
import { createApiServer } from './http/server.js';
import { appRouter } from './router.js';
import { rawRoutes } from './raw-routes.js';
import { openApiDocument } from './openapi/document.js';
import { storefrontOrigins } from './auth/storefront-origins.js';
import { closeAdapters, createAdapters, type Adapters } from './adapters/adapters.js';
import { domainDeps, type DomainDeps } from './deps.js';

export interface RunningApi {
  url: string;
  orm: MikroORM;
  adapters: Adapters;
  deps: DomainDeps;
  close(): Promise<void>;
}

/** How long in-flight requests get to finish on close before their sockets are cut. */
const DRAIN_MS = 5_000;

/** Opens the database and outside systems and starts listening; a failed start closes what it opened. */
export async function startApi(
  env: Env,
  opts: { adapters?: Adapters; orm?: MikroORM; deps?: (deps: DomainDeps) => DomainDeps } = {},
): Promise<RunningApi> {
  const adapters = opts.adapters ?? createAdapters(env);
  let orm: MikroORM | undefined = opts.orm;
  const release = async () => {
    if (!opts.adapters) await closeAdapters(adapters);
    if (!opts.orm) await orm?.close(true);
  };
  try {
    // Imports the signing keys now: a key that parses but does not import (an RSA PEM, a JWK off the curve)
    // stops the start instead of failing the first magic link or app session.
    await adapters.keys.jwks();
    orm ??= await openOrm({ databaseUrl: env.DATABASE_URL, poolMax: env.DATABASE_POOL_MAX });
    const built = domainDeps(adapters, env, orm);
    const deps = opts.deps ? opts.deps(built) : built;
    const server = createApiServer({ env, orm, deps }, { router: appRouter, rawRoutes, openApiDocument, corsOrigins: storefrontOrigins });
    // Bound keep-alive so idle sockets do not pin the process on shutdown.
    server.keepAliveTimeout = 5_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(env.PORT, env.HOST, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://${env.HOST}:${port}`,
      orm,
      adapters,
      deps,
      async close() {
        // Stop accepting, let in-flight requests finish, then cut what is left.
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const cut = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
        await closed;
        clearTimeout(cut);
        await release();
      },
    };
  } catch (e) {
    await release();
    throw e;
  }
}
