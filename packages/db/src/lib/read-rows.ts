import { createHash } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { plainPoolOf } from './plain-pool.js';

/*
 * Statements on the hottest paths (the credential lookups every storefront
 * request makes, the address book, the login's limits and code updates)
 * straight on a pg connection, with the values bound by PostgreSQL.
 * em.execute costs several times the query's own client work per statement:
 * it inlines the values into the SQL text, builds a knex raw query and
 * runner, and logs each statement (bench/README.md has the profile). Outside
 * a transaction a statement takes a connection of the ORM's plain pool
 * (plain-pool.ts); inside one it goes on the transaction's own connection
 * (knex's transaction client hands out only that one), so it sees and is part
 * of the transaction's writes. Errors are converted like em.execute's (a
 * unique violation is UniqueConstraintViolationException; the SQLSTATE stays
 * in `code`). SQL uses
 * `?` placeholders like em.execute; never a literal `?` (the jsonb operators)
 * in a statement given here. Each statement is prepared by name, once per
 * connection: PostgreSQL then parses and plans it once instead of per call,
 * which took its CPU per return in the returns bench from 24 to 15 ms. A
 * pooler in transaction mode between the API and PostgreSQL must keep named
 * statements (PgBouncer 1.21+ with `max_prepared_statements`).
 */

/** Runs one statement and gives its rows; `ctx.db` of a request (in a mutation: inside its transaction). */
export interface Reader {
  rows<Row>(sql: string, params: readonly unknown[]): Promise<Row[]>;
}

/** A statement as pg sends it: `$n` placeholders, and a name derived from its text (so a name never means two texts). */
interface Prepared {
  name: string;
  text: string;
}
const preparedSql = new Map<string, Prepared>();
/** Statements are constants of the code; the bound only guards against a caller building them. */
const MAX_STATEMENTS = 256;

function prepared(sql: string): Prepared {
  let statement = preparedSql.get(sql);
  if (statement === undefined) {
    let n = 0;
    const text = sql.replace(/\?/g, () => `$${++n}`);
    statement = { name: `cartly_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`, text };
    if (preparedSql.size >= MAX_STATEMENTS) preparedSql.clear();
    preparedSql.set(sql, statement);
  }
  return statement;
}

interface PgConnection {
  query(config: { name?: string; text: string; values: readonly unknown[] }): Promise<{ rows: unknown[] }>;
}
/** knex's transaction client: it hands out only the transaction's own connection. */
interface TransactionClient {
  acquireConnection(): Promise<PgConnection>;
  releaseConnection(connection: PgConnection): Promise<void>;
}

/** The EntityManager to convert errors with, and the plain pool of its ORM (every ORM gets one in openOrm). */
function poolOf(orm: MikroORM | EntityManager): { em: EntityManager; pool: pg.Pool } {
  const em = 'em' in orm ? orm.em : orm;
  const pool = plainPoolOf(em);
  if (!pool) throw new Error('this ORM has no plain pool: it was closed, or not opened with openOrm');
  return { em, pool };
}

/** A statement's rows, its error converted like em.execute's. */
async function converted<Row>(em: EntityManager, result: Promise<{ rows: unknown[] }>): Promise<Row[]> {
  try {
    return (await result).rows as Row[];
  } catch (e) {
    throw e instanceof Error ? em.getDriver().convertException(e) : e;
  }
}

function query<Row>(em: EntityManager, connection: PgConnection, sql: string, params: readonly unknown[]): Promise<Row[]> {
  return converted<Row>(em, connection.query({ ...prepared(sql), values: params }));
}

/** A statement on the transaction's connection. */
async function inTransaction<Row>(em: EntityManager, client: TransactionClient, sql: string, params: readonly unknown[]): Promise<Row[]> {
  const connection = await client.acquireConnection();
  try {
    return await query<Row>(em, connection, sql, params);
  } finally {
    // knex's release is synchronous (its promise is already resolved): nothing to wait for.
    void client.releaseConnection(connection);
  }
}

/**
 * `work` in one transaction on one connection of the plain pool, with plain
 * statements only (no EntityManager, so no unit of work to flush): commits
 * when it resolves, rolls back when it throws. A connection whose rollback
 * fails is destroyed, so the pool never hands out a broken one.
 */
export async function poolTransaction<T>(orm: MikroORM | EntityManager, work: (db: Reader) => Promise<T>): Promise<T> {
  const { em, pool } = poolOf(orm);
  const connection = await pool.connect();
  let broken = false;
  try {
    await query(em, connection, 'begin', []);
    let result: T;
    try {
      result = await work({ rows: <Row>(sql: string, params: readonly unknown[]) => query<Row>(em, connection, sql, params) });
    } catch (e) {
      await connection.query('rollback').catch(() => (broken = true));
      throw e;
    }
    await query(em, connection, 'commit', []);
    return result;
  } finally {
    connection.release(broken);
  }
}

/** Statements outside any transaction, on the ORM's plain pool: pg takes an idle connection, runs it and gives it back. */
export function poolReader(orm: MikroORM | EntityManager): Reader {
  const { em, pool } = poolOf(orm);
  return { rows: <Row>(sql: string, params: readonly unknown[]) => converted<Row>(em, pool.query({ ...prepared(sql), values: params as unknown[] })) };
}

/** Statements through this EntityManager: inside its transaction when it has one, else on the plain pool. */
export function emReader(em: EntityManager): Reader {
  const trx = em.getTransactionContext<{ client: TransactionClient }>();
  if (!trx) return poolReader(em);
  return { rows: <Row>(sql: string, params: readonly unknown[]) => inTransaction<Row>(em, trx.client, sql, params) };
}

/** One statement through a request's reader, or through an EntityManager (raw routes, services, a transaction's em). */
export function readRows<Row>(source: Reader | EntityManager, sql: string, params: readonly unknown[]): Promise<Row[]> {
  return ('rows' in source ? source : emReader(source)).rows<Row>(sql, params);
}
