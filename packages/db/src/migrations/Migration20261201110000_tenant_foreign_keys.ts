import { Migration } from '@mikro-orm/migrations';

/*
 * Tenancy in the schema itself: a shop-owned row may only reference a row of the same shop.
 * Each reference below gets a composite foreign key (shop_id, <column>) -> parent (shop_id, id),
 * beside the entity's own foreign key (which keeps its ON DELETE action; MATCH SIMPLE lets a
 * nullable reference be null). Parents get the unique (shop_id, id) such a key needs.
 *
 * Rule for every new shop-owned table: reference another shop-owned table only together with
 * shop_id, by adding its pair here in a migration of your own (same SQL), and give a new parent
 * table `unique (shop_id, id)`. The existing data is checked first: the migration refuses to
 * run, naming the table and count, if any row already points into another shop.
 */

export const tenantKeyName = (child: string, column: string) => `${child}_${column}_same_shop`;

/** The unique (shop_id, id) a parent needs before composite keys can reference it. */
export const shopIdIdUniqueSql = (parent: string) => `alter table "${parent}" add constraint "${parent}_shop_id_id_unique" unique ("shop_id", "id");`;

/** The composite key (shop_id, column) -> parent (shop_id, id). */
export const tenantKeySql = (child: string, column: string, parent: string) =>
  `alter table "${child}" add constraint "${tenantKeyName(child, column)}" foreign key ("shop_id", "${column}") references "${parent}" ("shop_id", "id");`;

export class Migration20261201110000_tenant_foreign_keys extends Migration {
  // A static field, so the class text (which names the test template database) changes with the list.
  static readonly references: readonly [child: string, column: string, parent: string][] = [
    ['product_variant', 'product_id', 'product'],
    ['order', 'customer_id', 'customer'],
    ['order_line', 'order_id', 'order'],
    ['order_line', 'variant_id', 'product_variant'],
    ['fulfillment', 'order_id', 'order'],
    ['fulfillment_line', 'fulfillment_id', 'fulfillment'],
    ['fulfillment_line', 'order_line_id', 'order_line'],
    ['customer_address', 'customer_id', 'customer'],
    ['customer_access_token', 'customer_id', 'customer'],
    ['wishlist_item', 'customer_id', 'customer'],
    ['wishlist_item', 'variant_id', 'product_variant'],
    ['return_request', 'customer_id', 'customer'],
    ['return_request', 'order_id', 'order'],
    ['return_request_event', 'return_request_id', 'return_request'],
    ['return_request_line', 'return_request_id', 'return_request'],
    ['return_request_line', 'order_line_id', 'order_line'],
    ['refund', 'order_id', 'order'],
    ['refund', 'return_request_id', 'return_request'],
    ['loyalty_ledger_entry', 'customer_id', 'customer'],
    ['loyalty_ledger_entry', 'order_id', 'order'],
    ['loyalty_redemption', 'customer_id', 'customer'],
    ['loyalty_redemption', 'reward_id', 'loyalty_reward'],
    ['loyalty_redemption', 'ledger_entry_id', 'loyalty_ledger_entry'],
    ['loyalty_account', 'customer_id', 'customer'],
    ['account_api_token', 'customer_id', 'customer'],
    ['account_api_authorization', 'customer_id', 'customer'],
  ];

  static get parents(): string[] {
    return [...new Set(this.references.map(([, , parent]) => parent))];
  }

  override async up(): Promise<void> {
    const checks = Migration20261201110000_tenant_foreign_keys.references.map(
      ([child, column, parent]) => `
  select count(*) into n from "${child}" c join "${parent}" p on p.id = c."${column}" where p.shop_id <> c.shop_id;
  if n > 0 then raise exception 'tenancy check: % row(s) of ${child}.${column} reference a ${parent} of another shop; fix them before migrating', n; end if;`,
    ).join('');
    this.addSql(`do $$ declare n bigint; begin${checks}\nend $$;`);
    for (const parent of Migration20261201110000_tenant_foreign_keys.parents) this.addSql(shopIdIdUniqueSql(parent));
    for (const [child, column, parent] of Migration20261201110000_tenant_foreign_keys.references) this.addSql(tenantKeySql(child, column, parent));
  }

  override async down(): Promise<void> {
    for (const [child, column] of Migration20261201110000_tenant_foreign_keys.references) this.addSql(`alter table "${child}" drop constraint "${tenantKeyName(child, column)}";`);
    for (const parent of Migration20261201110000_tenant_foreign_keys.parents) this.addSql(`alter table "${parent}" drop constraint "${parent}_shop_id_id_unique";`);
  }
}
