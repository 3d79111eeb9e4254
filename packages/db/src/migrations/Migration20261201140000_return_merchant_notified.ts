import { Migration } from '@mikro-orm/migrations';

/** When the merchant was told of an approved return, so a re-run refund step (a worker died mid-refund) never tells them twice. */
export class Migration20261201140000_return_merchant_notified extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "return_request" add column "merchant_notified_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "return_request" drop column "merchant_notified_at";`);
  }

}
