import { Migration } from '@mikro-orm/migrations';

/**
 * When the merchant and the customer were told about a return, so a step the
 * workflow runs again (its workflow task retried, a worker died mid-refund)
 * never sends either mail twice.
 */
export class Migration20261201140000_return_notices extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "return_request" add column "merchant_notified_at" timestamptz null, add column "customer_notified_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "return_request" drop column "merchant_notified_at", drop column "customer_notified_at";`);
  }

}
