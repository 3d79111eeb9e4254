import { expect, test } from 'vitest';
import { createTestDatabase } from '../testing/databases.js';
import { Customer, Shop } from '../entities/index.js';
import { Migration20261201110000_tenant_foreign_keys as TenantKeys } from '../migrations/Migration20261201110000_tenant_foreign_keys.js';
import { Migration20261201123000_tenant_foreign_keys_domains as DomainKeys } from '../migrations/Migration20261201123000_tenant_foreign_keys_domains.js';
import { Migration20261201130000_sso as SsoKeys } from '../migrations/Migration20261201130000_sso.js';
import { shopScopedUniqueName, tenantKeyName } from './tenant-keys.js';

const insertAddress = `insert into customer_address (id, shop_id, customer_id, address1, city, country_code, is_default, created_at, updated_at)
  values (gen_random_uuid(), ?, ?, '1 Main St', 'Springfield', 'US', false, now(), now())`;
const insertCompany = `insert into company (id, shop_id, name, created_at, updated_at) values (?, ?, 'Acme', now(), now())`;
const insertLocation = `insert into company_location (id, shop_id, company_id, name, address1, city, country_code, budget_amount_cents, currency, budget_period, period_start, created_at, updated_at)
  values (gen_random_uuid(), ?, ?, 'HQ', '1 Main St', 'Springfield', 'US', 50000, 'USD', 'monthly', current_date, now(), now())`;
const insertMembership = `insert into company_membership (id, shop_id, company_id, customer_id, role, created_at, updated_at)
  values (gen_random_uuid(), ?, ?, ?, 'buyer', now(), now())`;

async function twoShops() {
  const db = await createTestDatabase();
  const em = db.orm.em.fork();
  const a = em.create(Shop, { name: 'A', domain: 'a.example' });
  const b = em.create(Shop, { name: 'B', domain: 'b.example' });
  const ann = em.create(Customer, { shop: a.id, email: 'ann@example.com' });
  await em.flush();
  const [companyA, companyB] = [crypto.randomUUID(), crypto.randomUUID()];
  const conn = em.getConnection();
  await conn.execute(insertCompany, [companyA, a.id]);
  await conn.execute(insertCompany, [companyB, b.id]);
  return { db, conn, a: a.id, b: b.id, ann: ann.id, companyA, companyB };
}

const allReferences = [...TenantKeys.references, ...DomainKeys.references, ...SsoKeys.references];

test('a row of one shop can never reference another shop\'s row, whatever the code does', async () => {
  const { db, conn, a, b, ann, companyA, companyB } = await twoShops();
  try {
    await conn.execute(insertAddress, [a, ann]); // same shop: fine
    await expect(conn.execute(insertAddress, [b, ann])).rejects.toThrow(tenantKeyName('customer_address', 'customer_id'));
    // The B2B tables too: a location under another shop's company, a membership of another shop's customer.
    await conn.execute(insertLocation, [a, companyA]);
    await expect(conn.execute(insertLocation, [b, companyA])).rejects.toThrow(tenantKeyName('company_location', 'company_id'));
    await conn.execute(insertMembership, [a, companyA, ann]);
    await expect(conn.execute(insertMembership, [b, companyB, ann])).rejects.toThrow(tenantKeyName('company_membership', 'customer_id'));
    // Moving a row into another shop is refused the same way.
    await expect(conn.execute('update company_location set shop_id = ? where company_id = ?', [b, companyA])).rejects.toThrow(/_same_shop/);
    const keys: { conname: string }[] = await conn.execute("select conname from pg_constraint where conname like '%\\_same\\_shop'");
    expect(keys.map((k) => k.conname).sort()).toEqual(allReferences.map(([child, column]) => tenantKeyName(child, column)).sort());
  } finally {
    await db.drop();
  }
});

test('every shop-owned reference has its tenant key, and the keys delete as the entity keys do', async () => {
  const { db, conn, a, companyA } = await twoShops();
  try {
    // Every single-column foreign key between two tables that both have shop_id.
    const references: { child: string; col: string; parent: string; del: string }[] = await conn.execute(`
      select c.conrelid::regclass::text as child, a.attname as col, c.confrelid::regclass::text as parent, c.confdeltype as del
      from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      where c.contype = 'f' and array_length(c.conkey, 1) = 1 and a.attname <> 'shop_id'
        and exists (select 1 from pg_attribute s where s.attrelid = c.conrelid and s.attname = 'shop_id')
        and exists (select 1 from pg_attribute s where s.attrelid = c.confrelid and s.attname = 'shop_id')`);
    const unquote = (t: string) => t.replaceAll('"', '');
    expect(references.map((r) => `${unquote(r.child)}.${r.col}`).sort()).toEqual(allReferences.map(([child, column]) => `${child}.${column}`).sort());
    for (const [child, column] of [...DomainKeys.references, ...SsoKeys.references]) {
      const [composite]: { del: string }[] = await conn.execute('select confdeltype as del from pg_constraint where conname = ?', [tenantKeyName(child, column)]);
      const entityKey = references.find((r) => unquote(r.child) === child && r.col === column)!;
      expect(`${child}.${column} ${composite?.del}`).toBe(`${child}.${column} ${entityKey.del}`);
    }
    // Deleting a company still takes its locations with it.
    await conn.execute(insertLocation, [a, companyA]);
    await conn.execute('delete from company where id = ?', [companyA]);
    expect(await conn.execute('select id from company_location where company_id = ?', [companyA])).toEqual([]);
  } finally {
    await db.drop();
  }
});

test('the migrations check existing data first and name what is wrong', async () => {
  const { db, conn, b, ann, companyA } = await twoShops();
  try {
    // Back to the schema before these migrations, with cross-shop rows that slipped in (later keys depend on these parents).
    for (const [child, column] of SsoKeys.references) await conn.execute(`alter table "${child}" drop constraint "${tenantKeyName(child, column)}"`);
    for (const parent of SsoKeys.newParents) await conn.execute(`alter table "${parent}" drop constraint "${shopScopedUniqueName(parent)}"`);
    for (const keys of [DomainKeys, TenantKeys]) {
      for (const [child, column] of keys.references) await conn.execute(`alter table "${child}" drop constraint "${tenantKeyName(child, column)}"`);
      for (const parent of keys.parents) await conn.execute(`alter table "${parent}" drop constraint "${shopScopedUniqueName(parent)}"`);
    }
    await conn.execute(insertAddress, [b, ann]);
    await conn.execute(insertLocation, [b, companyA]);
    for (const [Keys, wrong] of [
      [TenantKeys, /tenancy check: 1 row\(s\) of customer_address\.customer_id reference a customer of another shop/],
      [DomainKeys, /tenancy check: 1 row\(s\) of company_location\.company_id reference a company of another shop/],
    ] as const) {
      const migration = new Keys(db.orm.em.getDriver(), db.orm.config);
      await migration.up();
      const [check] = migration.getQueries().map((q) => String(q));
      await expect(conn.execute(check!)).rejects.toThrow(wrong);
    }
  } finally {
    await db.drop();
  }
});
