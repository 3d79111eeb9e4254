import { expect, test } from 'vitest';
import { createTestDatabase } from '../testing/databases.js';
import { Customer, Shop } from '../entities/index.js';
import { Migration20261201110000_tenant_foreign_keys as TenantKeys, tenantKeyName } from '../migrations/Migration20261201110000_tenant_foreign_keys.js';
import { Migration20261201120048_sso as SsoKeys } from '../migrations/Migration20261201120048_sso.js';

const insertAddress = `insert into customer_address (id, shop_id, customer_id, address1, city, country_code, is_default, created_at, updated_at)
  values (gen_random_uuid(), ?, ?, '1 Main St', 'Springfield', 'US', false, now(), now())`;

async function twoShops() {
  const db = await createTestDatabase();
  const em = db.orm.em.fork();
  const a = em.create(Shop, { name: 'A', domain: 'a.example' });
  const b = em.create(Shop, { name: 'B', domain: 'b.example' });
  const ann = em.create(Customer, { shop: a.id, email: 'ann@example.com' });
  await em.flush();
  return { db, conn: em.getConnection(), a: a.id, b: b.id, ann: ann.id };
}

test('a row of one shop can never reference another shop\'s row, whatever the code does', async () => {
  const { db, conn, a, b, ann } = await twoShops();
  try {
    await conn.execute(insertAddress, [a, ann]); // same shop: fine
    await expect(conn.execute(insertAddress, [b, ann])).rejects.toThrow(tenantKeyName('customer_address', 'customer_id'));
    const keys = await conn.execute("select conname from pg_constraint where conname like '%\\_same\\_shop'");
    // Later migrations add their own tables' keys the same way.
    expect(keys).toHaveLength(TenantKeys.references.length + SsoKeys.references.length);
  } finally {
    await db.drop();
  }
});

test('the migration checks existing data first and names what is wrong', async () => {
  const { db, conn, b, ann } = await twoShops();
  try {
    // Back to the schema before this migration, with a cross-shop row that slipped in.
    for (const [child, column] of SsoKeys.references) await conn.execute(`alter table "${child}" drop constraint "${tenantKeyName(child, column)}"`);
    for (const [child, column] of TenantKeys.references) await conn.execute(`alter table "${child}" drop constraint "${tenantKeyName(child, column)}"`);
    for (const parent of TenantKeys.parents) await conn.execute(`alter table "${parent}" drop constraint "${parent}_shop_id_id_unique"`);
    await conn.execute(insertAddress, [b, ann]);
    const migration = new TenantKeys(db.orm.em.getDriver(), db.orm.config);
    await migration.up();
    const [check] = migration.getQueries().map((q) => String(q));
    await expect(conn.execute(check!)).rejects.toThrow(/tenancy check: 1 row\(s\) of customer_address\.customer_id reference a customer of another shop/);
  } finally {
    await db.drop();
  }
});
