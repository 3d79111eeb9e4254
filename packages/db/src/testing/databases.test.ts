import { expect, test } from 'vitest';
import { createTestDatabase } from './databases.js';
import { Shop } from '../entities/index.js';

test('test databases are migrated, isolated from each other, and gone after drop', async () => {
  const a = await createTestDatabase();
  const b = await createTestDatabase();
  try {
    const em = a.orm.em.fork();
    em.create(Shop, { name: 'Only in A', domain: 'a.example' });
    await em.flush();
    expect(await a.orm.em.fork().count(Shop, {})).toBe(1);
    expect(await b.orm.em.fork().count(Shop, {})).toBe(0);
  } finally {
    await b.drop();
  }
  const rows = await a.orm.em.fork().getConnection().execute('select datname from pg_database where datname = ?', [b.name]);
  expect(rows).toEqual([]);
  await a.drop();
});

test('the schema enforces invariants the API relies on', async () => {
  const db = await createTestDatabase();
  try {
    const conn = db.orm.em.fork().getConnection();
    const constraints = await conn.execute(
      "select conname from pg_constraint where conname in ('order_refund_within_paid', 'order_line_fulfilled_within_quantity')",
    );
    expect((constraints as { conname: string }[]).map((r) => r.conname).sort()).toEqual(['order_line_fulfilled_within_quantity', 'order_refund_within_paid']);
    const indexes = await conn.execute("select indexname from pg_indexes where indexname = 'customer_address_one_default'");
    expect(indexes).toHaveLength(1);
  } finally {
    await db.drop();
  }
});
