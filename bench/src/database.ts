import { randomBytes } from 'node:crypto';
import { migrate, openOrm } from '@cartly/db';
import { onServer, withDatabase } from '@cartly/db/testing';

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

const PREFIX = 'cartly_bench_';

/** Databases of earlier, interrupted runs; only for a server no other run uses. */
export async function dropStaleBenchDatabases(serverUrl: string): Promise<void> {
  await onServer(serverUrl, async (c) => {
    const { rows } = await c.query<{ datname: string }>('select datname from pg_database where starts_with(datname, $1)', [PREFIX]);
    for (const { datname } of rows) await c.query(`drop database if exists "${datname}" with (force)`);
  });
}

/** A fresh database on the server with every migration applied; `drop()` removes it. */
export async function createBenchDatabase(serverUrl: string): Promise<BenchDatabase> {
  const name = `${PREFIX}${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await onServer(serverUrl, (c) => c.query(`create database "${name}"`));
  const url = withDatabase(serverUrl, name);
  const drop = async () => {
    await onServer(serverUrl, (c) => c.query(`drop database if exists "${name}" with (force)`));
  };
  try {
    const orm = await openOrm({ databaseUrl: url, poolMax: 2 });
    try {
      await migrate(orm);
    } finally {
      await orm.close(true);
    }
  } catch (e) {
    await drop();
    throw e;
  }
  return { url, drop };
}
