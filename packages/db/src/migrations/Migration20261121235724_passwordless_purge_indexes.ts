import { Migration } from '@mikro-orm/migrations';

/** Indexes for purging stale login state by shop and age (apps/api services/passwordless/purge.ts). */
export class Migration20261121235724_passwordless_purge_indexes extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "passwordless_throttle_shop_id_updated_at_index" on "passwordless_throttle" ("shop_id", "updated_at");`);
    this.addSql(`create index "otp_code_shop_id_created_at_index" on "otp_code" ("shop_id", "created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "otp_code_shop_id_created_at_index";`);
    this.addSql(`drop index "passwordless_throttle_shop_id_updated_at_index";`);
  }

}
