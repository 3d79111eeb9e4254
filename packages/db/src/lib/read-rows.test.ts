import { afterAll, beforeAll, expect, test } from 'vitest';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { createTestDatabase, type TestDatabase } from '../testing/databases.js';
import { Shop } from '../entities/index.js';
import { emReader, poolReader, poolTransaction, readRows } from './read-rows.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

const countShops = async (name: string) =>
  (await readRows<{ n: number }>(db.orm.em.fork(), 'select count(*)::int as n from shop where name = ?', [name]))[0]!.n;

test('inside a transaction a statement sees its uncommitted writes and is rolled back with it', async () => {
  const rollback = new Error('roll back');
  await expect(
    db.orm.em.fork().transactional(async (em) => {
      const shop = em.create(Shop, { name: 'in-tx', domain: 'in-tx.example' });
      await em.flush();
      // The ORM's insert and this statement share the transaction's connection.
      expect(await readRows<{ id: string }>(em, 'select id from shop where id = ?', [shop.id])).toEqual([{ id: shop.id }]);
      await readRows(em, `update shop set name = 'in-tx renamed' where id = ?`, [shop.id]);
      // A pool connection, outside the transaction, sees neither.
      expect(await poolReader(db.orm).rows('select id from shop where id = ?', [shop.id])).toEqual([]);
      throw rollback;
    }),
  ).rejects.toBe(rollback);
  expect(await countShops('in-tx')).toBe(0);
  expect(await countShops('in-tx renamed')).toBe(0);
});

test('values are bound, not spliced: a quote or a placeholder-looking value is data', async () => {
  const name = `o'brien ? $1 --`;
  await readRows(emReader(db.orm.em.fork()), `insert into shop (id, name, domain, settings, created_at) values (gen_random_uuid(), ?, 'quote.example', '{}', now())`, [name]);
  expect(await countShops(name)).toBe(1);
});

test('errors are converted like em.execute: a unique violation is UniqueConstraintViolationException with its SQLSTATE', async () => {
  const em = db.orm.em.fork();
  const shop = em.create(Shop, { name: 'dup', domain: 'dup.example' });
  await em.flush();
  const error = await readRows(em, `insert into shop (id, name, domain, settings, created_at) values (?, 'dup2', 'dup2.example', '{}', now())`, [shop.id]).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UniqueConstraintViolationException);
  expect((error as { code: string }).code).toBe('23505');
});

test('poolTransaction commits what resolves, rolls back what throws (a constraint error included), and leaves the pool usable', async () => {
  const ids = await poolTransaction(db.orm, async (tx) => {
    await tx.rows(`insert into shop (id, name, domain, settings, created_at) values (gen_random_uuid(), 'pool-tx', 'pool-tx.example', '{}', now())`, []);
    // Not visible outside until the commit.
    expect(await countShops('pool-tx')).toBe(0);
    return tx.rows<{ id: string }>(`select id from shop where name = 'pool-tx'`, []);
  });
  expect(ids).toHaveLength(1);
  expect(await countShops('pool-tx')).toBe(1);

  const error = await poolTransaction(db.orm, async (tx) => {
    await tx.rows(`update shop set name = 'pool-tx undone' where id = ?`, [ids[0]!.id]);
    await tx.rows(`insert into shop (id, name, domain, settings, created_at) values (?, 'x', 'x.example', '{}', now())`, [ids[0]!.id]);
  }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UniqueConstraintViolationException);
  expect(await countShops('pool-tx')).toBe(1);
  expect(await countShops('pool-tx undone')).toBe(0);
  // Every connection went back clean: more transactions than the pool has connections still run.
  await Promise.all(Array.from({ length: 12 }, () => poolTransaction(db.orm, (tx) => tx.rows('select 1', []))));
});

test('a statement is prepared once per connection and runs again by name, with new values each time', async () => {
  const sql = 'select count(*)::int as n from shop where name = ? and domain like ?';
  await poolTransaction(db.orm, async (tx) => {
    expect(await tx.rows(sql, ['pool-tx', '%'])).toEqual([{ n: 1 }]);
    expect(await tx.rows(sql, ['no such shop', '%'])).toEqual([{ n: 0 }]);
    const prepared = (await tx.rows<{ name: string; statement: string }>('select name, statement from pg_prepared_statements', []))
      .filter((p) => p.statement.includes('and domain like'));
    // One named statement on this connection for both calls, its placeholders numbered.
    expect(prepared).toHaveLength(1);
    expect(prepared[0]!.name).toMatch(/^cartly_/);
    expect(prepared[0]!.statement).toContain('name = $1 and domain like $2');
  });
});
