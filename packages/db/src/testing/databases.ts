import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import { migrate, openOrm } from '../orm.js';
import { migrationsList } from '../migrations/index.js';

/** The server URL tests run against; the test runner starts the server and sets it. */
export function serverUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run tests through `npm test`, which starts PostgreSQL');
  return url;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Runs `fn` on a client connected to the server's `postgres` database (for CREATE/DROP DATABASE). */
export async function onServer<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A fully migrated template database named after the migration set, built once
 * and cloned per test file: CREATE DATABASE ... TEMPLATE is far cheaper than
 * replaying migrations for each file.
 */
async function ensureTemplate(url: string): Promise<string> {
  // Names and SQL: an edited migration must not reuse a template built from its old text.
  const fingerprint = createHash('sha256');
  for (const m of migrationsList) fingerprint.update(`${m.name}\n${String(m.class)}\n`);
  const name = `cartly_tpl_${fingerprint.digest('hex').slice(0, 16)}`;
  const exists = await onServer(url, async (c) =>
    (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1);
  if (exists) return name;
  const building = `${name}_${randomBytes(4).toString('hex')}`;
  await onServer(url, (c) => c.query(`create database "${building}"`));
  const orm = await openOrm({ databaseUrl: withDatabase(url, building), poolMax: 2 });
  try {
    await migrate(orm);
  } finally {
    await orm.close(true);
  }
  // Another test file may have built it concurrently: keep whichever won.
  await onServer(url, async (c) => {
    try {
      await c.query(`alter database "${building}" rename to "${name}"`);
    } catch {
      await c.query(`drop database if exists "${building}"`);
    }
  });
  return name;
}

export interface TestDatabase {
  url: string;
  name: string;
  orm: MikroORM;
  drop(): Promise<void>;
}

/** An isolated, migrated database for one test file; `drop()` removes it. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = serverUrl();
  const template = await ensureTemplate(url);
  const name = `cartly_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await onServer(url, (c) => c.query(`create database "${name}" template "${template}"`));
  const dbUrl = withDatabase(url, name);
  const orm = await openOrm({ databaseUrl: dbUrl, poolMax: 10 });
  return {
    url: dbUrl,
    name,
    orm,
    async drop() {
      await orm.close(true);
      await onServer(url, (c) => c.query(`drop database if exists "${name}" with (force)`));
    },
  };
}
