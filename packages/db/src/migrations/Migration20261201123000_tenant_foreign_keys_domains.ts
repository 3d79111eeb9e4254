import { Migration } from '@mikro-orm/migrations';
import { parentsOf, tenantKeysDownSql, tenantKeysUpSql, type TenantReference } from '../lib/tenant-keys.js';
import { Migration20261201110000_tenant_foreign_keys as EarlierKeys } from './Migration20261201110000_tenant_foreign_keys.js';

/*
 * The rule of Migration20261201110000_tenant_foreign_keys for the tables that landed beside and
 * after it: companies, extensions, portal core (refunds, activity) and inventory. Existing data is
 * checked first. Unlike the earlier keys, each composite key repeats its entity key's ON DELETE
 * action (cascade, or set null of the reference column only): the two keys' triggers then agree
 * whatever order PostgreSQL fires them in. Still without a tenant key: portal_activity.subject_id
 * (it names rows of several tables) and external ids (client_id, external_id, workflow_id).
 */

export class Migration20261201123000_tenant_foreign_keys_domains extends Migration {
  // A static field, so the class text (which names the test template database) changes with the list.
  static readonly references: readonly TenantReference[] = [
    ['company_location', 'company_id', 'company', 'cascade'],
    ['company_membership', 'company_id', 'company', 'cascade'],
    ['company_membership', 'customer_id', 'customer', 'cascade'],
    ['company_membership_location', 'membership_id', 'company_membership', 'cascade'],
    ['company_membership_location', 'location_id', 'company_location', 'cascade'],
    ['company_order', 'company_id', 'company'],
    ['company_order', 'location_id', 'company_location'],
    ['company_order', 'order_id', 'order'],
    ['company_order', 'source_order_id', 'order', 'set null'],
    ['company_budget_entry', 'location_id', 'company_location', 'cascade'],
    ['company_budget_entry', 'order_id', 'order', 'set null'],
    ['extension_block', 'app_id', 'app', 'cascade'],
    ['extension_block_version', 'block_id', 'extension_block', 'cascade'],
    ['extension_render_error', 'block_id', 'extension_block', 'cascade'],
    ['inventory_level', 'variant_id', 'product_variant', 'cascade'],
    ['order_refund', 'order_id', 'order'],
    ['order_refund', 'customer_id', 'customer'],
    ['order_refund', 'refund_id', 'refund'],
    ['portal_activity', 'customer_id', 'customer', 'set null'],
  ];

  /** Parents that do not have their unique (shop_id, id) from the earlier migration yet. */
  static get parents(): string[] {
    return parentsOf(this.references).filter((parent) => !EarlierKeys.parents.includes(parent));
  }

  override async up(): Promise<void> {
    const self = Migration20261201123000_tenant_foreign_keys_domains;
    for (const sql of tenantKeysUpSql(self.references, self.parents)) this.addSql(sql);
  }

  override async down(): Promise<void> {
    const self = Migration20261201123000_tenant_foreign_keys_domains;
    for (const sql of tenantKeysDownSql(self.references, self.parents)) this.addSql(sql);
  }
}
