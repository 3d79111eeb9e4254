import { openOrm, type EntityManager, type MikroORM } from '@cartly/db';

/**
 * A second, small connection pool for writes that must commit whatever
 * happens to the request (a failed code attempt is counted although the
 * request answers 401 and its transaction rolls back).
 *
 * It is separate from the request pool on purpose: a request holds its
 * transaction's connection for its whole life, so taking a second connection
 * from the same pool deadlocks once every connection is held by a request
 * waiting for another. Callers use it before their own transaction takes any
 * lock, so work here never waits on the request that is waiting for it.
 */
export interface SidePool {
  /** Runs `fn` in its own short transaction, committed before this resolves. */
  transactional<T>(fn: (em: EntityManager) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function sidePool(opts: { databaseUrl: string; poolMax: number }): SidePool {
  let opening: Promise<MikroORM> | undefined;
  const orm = () =>
    (opening ??= openOrm({ databaseUrl: opts.databaseUrl, poolMax: opts.poolMax }).catch((e: unknown) => {
      opening = undefined;
      throw e;
    }));
  return {
    async transactional(fn) {
      // Without disableContextResolution, fork() would pick up the *request's* transactional
      // EntityManager from MikroORM's AsyncLocalStorage (same context name) and run on its pool.
      const em = (await orm()).em.fork({ disableContextResolution: true }) as unknown as EntityManager;
      return em.transactional((tx) => fn(tx));
    },
    async close() {
      if (opening) await (await opening.catch(() => undefined))?.close(true);
      opening = undefined;
    },
  };
}
