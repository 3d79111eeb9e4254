import { Migration } from '@mikro-orm/migrations';

/* A refund of a company order credits its location's budget once: the refund's payment key is unique among ledger entries. */
export class Migration20261201120000_company_budget_refunds extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "company_budget_entry" add column "idempotency_key" varchar(120) null;`);
    this.addSql(`create unique index "company_budget_entry_one_credit_per_refund" on "company_budget_entry" ("shop_id", "idempotency_key") where "idempotency_key" is not null;`);
    this.addSql(`alter table "company_budget_entry" add constraint "company_budget_entry_refund_has_key" check ("kind" <> 'refund' or ("idempotency_key" is not null and "order_id" is not null));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "company_budget_entry" drop constraint "company_budget_entry_refund_has_key";`);
    this.addSql(`drop index "company_budget_entry_one_credit_per_refund";`);
    this.addSql(`alter table "company_budget_entry" drop column "idempotency_key";`);
  }
}
