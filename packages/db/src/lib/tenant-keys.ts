/*
 * SQL for composite tenant keys: a shop-owned row may only reference a row of the same shop.
 * Each reference gets a foreign key (shop_id, <column>) -> parent (shop_id, id) beside the entity's
 * own foreign key (MATCH SIMPLE lets a nullable reference be null); a parent gets the unique
 * (shop_id, id) such a key needs. The existing data is checked first, naming table and count.
 * Used by the tenant-key migrations; the SQL they emit must never change once released.
 */

/** child table, its column, the parent table it references, and the ON DELETE action to mirror (if any). */
export type TenantReference = readonly [child: string, column: string, parent: string, onDelete?: 'cascade' | 'set null'];

export const tenantKeyName = (child: string, column: string) => `${child}_${column}_same_shop`;
export const shopScopedUniqueName = (parent: string) => `${parent}_shop_id_id_unique`;

/** The parents of `references`, once each, in order. */
export const parentsOf = (references: readonly TenantReference[]): string[] => [...new Set(references.map(([, , parent]) => parent))];

/** Refuses to go on, naming table, column and count, if any row already points into another shop. */
export function tenancyCheckSql(references: readonly TenantReference[]): string {
  const checks = references.map(
    ([child, column, parent]) => `
  select count(*) into n from "${child}" c join "${parent}" p on p.id = c."${column}" where p.shop_id <> c.shop_id;
  if n > 0 then raise exception 'tenancy check: % row(s) of ${child}.${column} reference a ${parent} of another shop; fix them before migrating', n; end if;`,
  ).join('');
  return `do $$ declare n bigint; begin${checks}\nend $$;`;
}

const ON_DELETE = { cascade: ' on delete cascade', 'set null': (column: string) => ` on delete set null ("${column}")` };

export function tenantKeysUpSql(references: readonly TenantReference[], newParents: readonly string[]): string[] {
  return [
    tenancyCheckSql(references),
    ...newParents.map((parent) => `alter table "${parent}" add constraint "${shopScopedUniqueName(parent)}" unique ("shop_id", "id");`),
    ...references.map(([child, column, parent, onDelete]) => {
      const action = onDelete === 'cascade' ? ON_DELETE.cascade : onDelete === 'set null' ? ON_DELETE['set null'](column) : '';
      return `alter table "${child}" add constraint "${tenantKeyName(child, column)}" foreign key ("shop_id", "${column}") references "${parent}" ("shop_id", "id")${action};`;
    }),
  ];
}

export function tenantKeysDownSql(references: readonly TenantReference[], newParents: readonly string[]): string[] {
  return [
    ...references.map(([child, column]) => `alter table "${child}" drop constraint "${tenantKeyName(child, column)}";`),
    ...newParents.map((parent) => `alter table "${parent}" drop constraint "${shopScopedUniqueName(parent)}";`),
  ];
}
