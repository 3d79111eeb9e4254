import type { EntityManager, MikroORM } from '@cartly/db';

/*
 * Reads on the hottest paths (the credential lookups every storefront request
 * makes, the address book) straight on a connection of the ORM's own pool,
 * with the values bound by PostgreSQL. em.execute costs several times the
 * query's own client work per statement: it inlines the values into the SQL
 * text, builds a knex raw query and runner, and logs each statement
 * (bench/README.md has the profile). Inside a transaction a statement goes
 * through the transaction's connection via em.execute, so it sees the
 * transaction's writes. SQL uses `?` placeholders like em.execute; never a
 * literal `?` (the jsonb operators) in a statement given here.
 */

/** Runs one read statement; `ctx.db` of a request (in a mutation: inside its transaction). */
export interface Reader {
  rows<Row>(sql: string, params: readonly unknown[]): Promise<Row[]>;
}

const numberedSql = new Map<string, string>();
/** Statements are constants of the code; the bound only guards against a caller building them. */
const MAX_STATEMENTS = 256;

function numbered(sql: string): string {
  let text = numberedSql.get(sql);
  if (text === undefined) {
    let n = 0;
    text = sql.replace(/\?/g, () => `$${++n}`);
    if (numberedSql.size >= MAX_STATEMENTS) numberedSql.clear();
    numberedSql.set(sql, text);
  }
  return text;
}

interface PgConnection {
  query(text: string, values: readonly unknown[]): Promise<{ rows: unknown[] }>;
}
interface PoolClient {
  acquireConnection(): Promise<PgConnection>;
  releaseConnection(connection: PgConnection): Promise<void>;
}

/** Reads on a pooled connection, outside any transaction (the pool is the ORM's: no extra connections). */
export function poolReader(orm: MikroORM | EntityManager): Reader {
  const em = 'em' in orm ? orm.em : orm;
  const client = em.getConnection().getKnex().client as unknown as PoolClient;
  return {
    async rows<Row>(sql: string, params: readonly unknown[]) {
      const connection = await client.acquireConnection();
      try {
        return (await connection.query(numbered(sql), params)).rows as Row[];
      } finally {
        await client.releaseConnection(connection);
      }
    },
  };
}

/** Reads through this EntityManager: inside its transaction when it has one, else on the pool. */
export function emReader(em: EntityManager): Reader {
  return {
    rows<Row>(sql: string, params: readonly unknown[]) {
      return em.isInTransaction() ? em.execute<Row[]>(sql, [...params]) : poolReader(em).rows<Row>(sql, params);
    },
  };
}

/** One read statement through a request's reader, or through an EntityManager (raw routes, services). */
export function readRows<Row>(source: Reader | EntityManager, sql: string, params: readonly unknown[]): Promise<Row[]> {
  return ('rows' in source ? source : emReader(source)).rows<Row>(sql, params);
}
