import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/databases.js';
import { openOrm } from '../orm.js';
import { poolReader, readRows } from './read-rows.js';
import { plainPoolOf } from './plain-pool.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

const backendsOf = (pid: number) =>
  readRows<{ n: number }>(db.orm.em.fork({ disableContextResolution: true }), 'select count(*)::int as n from pg_stat_activity where pid = ?', [pid]);

test('plain statements read values as the ORM does: timestamps stay strings, arrays are arrays', async () => {
  const [row] = await poolReader(db.orm).rows<{ at: unknown; tags: unknown }>(`select now()::timestamptz as at, array['a','b']::text[] as tags`, []);
  const [viaOrm] = await db.orm.em.fork().getConnection().execute<{ at: unknown }[]>(`select now()::timestamptz as at`);
  expect(typeof row!.at).toBe('string');
  expect(typeof viaOrm!.at).toBe(typeof row!.at);
  expect(row!.tags).toEqual(['a', 'b']);
});

test('a connection of the plain pool killed while idle is dropped: the next statement gets a new one, the process lives', async () => {
  const orm = await openOrm({ databaseUrl: db.url, poolMax: 1 });
  try {
    const reader = poolReader(orm);
    const [{ pid }] = (await reader.rows<{ pid: number }>('select pg_backend_pid() as pid', [])) as [{ pid: number }];
    await readRows(db.orm.em.fork(), 'select pg_terminate_backend(?)', [pid]);
    await expect.poll(async () => (await backendsOf(pid))[0]!.n).toBe(0);
    // The pool hears of it on the connection's own socket (PostgreSQL's FATAL message), and drops it then.
    await expect.poll(() => plainPoolOf(orm)!.totalCount).toBe(0);
    const [{ pid: next }] = (await reader.rows<{ pid: number }>('select pg_backend_pid() as pid', [])) as [{ pid: number }];
    expect(next).not.toBe(pid);
  } finally {
    await orm.close(true);
  }
});

test('closing the ORM ends its plain pool: none of its connections stays open', async () => {
  const orm = await openOrm({ databaseUrl: db.url, poolMax: 3 });
  const reader = poolReader(orm);
  const pids = await Promise.all(Array.from({ length: 3 }, () => reader.rows<{ pid: number }>('select pg_backend_pid() as pid, pg_sleep(0.05)', [])));
  await orm.close();
  for (const [row] of pids) await expect.poll(async () => (await backendsOf(row!.pid))[0]!.n).toBe(0);
});
