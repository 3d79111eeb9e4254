import pg from 'pg';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';

/*
 * Plain statements outside a transaction (read-rows.ts: a request's `db`,
 * readRows on an EntityManager without one, poolTransaction) run on a pg.Pool
 * of their own beside the ORM's knex pool, with the ORM's connection options
 * (so the same database, credentials and type parsers: timestamps stay
 * strings). Taking a connection from knex's pool (tarn) costs a pending
 * operation with its own timer and about eight promises, twice per storefront
 * request; pg's pool hands out an idle connection with a callback
 * (bench/README.md has the profile). Each process may so hold up to twice its
 * pool ceiling, the ORM's and this one's. Nothing here waits on the ORM's
 * pool while holding a connection of this one, so the two cannot deadlock.
 */

const pools = new WeakMap<object, pg.Pool>();

/** The key both an ORM and each of its EntityManagers (forks included) lead to. */
function keyOf(orm: MikroORM | EntityManager): object {
  return ('em' in orm ? orm.em : orm).getConnection();
}

/** Gives the ORM its plain pool, ended when the ORM is closed. */
export function attachPlainPool(orm: MikroORM, max: number): void {
  const options = orm.em.getConnection().getConnectionOptions() as pg.PoolConfig;
  const pool = new pg.Pool({ ...options, max });
  // An idle connection that dies (a restart, an admin's kill) is dropped by the pool; unhandled, it would end the process.
  pool.on('error', () => undefined);
  pools.set(keyOf(orm), pool);
  const close = orm.close.bind(orm);
  orm.close = async (force?: boolean) => {
    pools.delete(keyOf(orm));
    await pool.end();
    await close(force);
  };
}

/** The plain pool of the ORM an EntityManager belongs to (undefined for an ORM opened without one). */
export function plainPoolOf(orm: MikroORM | EntityManager): pg.Pool | undefined {
  return pools.get(keyOf(orm));
}
