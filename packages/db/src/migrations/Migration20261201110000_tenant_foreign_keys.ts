import { Migration } from '@mikro-orm/migrations';
import { parentsOf, tenantKeysDownSql, tenantKeysUpSql, type TenantReference } from '../lib/tenant-keys.js';

/*
 * Tenancy in the schema itself: a shop-owned row may only reference a row of the same shop.
 * Each reference below gets a composite foreign key (shop_id, <column>) -> parent (shop_id, id),
 * beside the entity's own foreign key (which keeps its ON DELETE action; MATCH SIMPLE lets a
 * nullable reference be null). Parents get the unique (shop_id, id) such a key needs.
 *
 * Rule for every new shop-owned table: reference another shop-owned table only together with
 * shop_id, by listing its pair in a migration of your own (the SQL of ../lib/tenant-keys.ts, as
 * Migration20261201123000_tenant_foreign_keys_domains does), and give a new parent table
 * `unique (shop_id, id)`. The existing data is checked first: the migration refuses to run,
 * naming the table and count, if any row already points into another shop.
 */

export { tenantKeyName } from '../lib/tenant-keys.js';

export class Migration20261201110000_tenant_foreign_keys extends Migration {
  // A static field, so the class text (which names the test template database) changes with the list.
  static readonly references: readonly TenantReference[] = [
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
    return parentsOf(this.references);
  }

  override async up(): Promise<void> {
    const self = Migration20261201110000_tenant_foreign_keys;
    for (const sql of tenantKeysUpSql(self.references, self.parents)) this.addSql(sql);
  }

  override async down(): Promise<void> {
    const self = Migration20261201110000_tenant_foreign_keys;
    for (const sql of tenantKeysDownSql(self.references, self.parents)) this.addSql(sql);
  }
}
