import { Migration } from '@mikro-orm/migrations';

/** The sliding-window limiter is generic (apps/api/src/lib/rate-limit.ts): its table stops naming passwordless. */
export class Migration20261201093000_rate_limit_window extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "passwordless_throttle" rename to "rate_limit_window";`);
    this.addSql(`alter table "rate_limit_window" rename constraint "passwordless_throttle_pkey" to "rate_limit_window_pkey";`);
    this.addSql(`alter table "rate_limit_window" rename constraint "passwordless_throttle_shop_id_subject_unique" to "rate_limit_window_shop_id_subject_unique";`);
    this.addSql(`alter table "rate_limit_window" rename constraint "passwordless_throttle_shop_id_foreign" to "rate_limit_window_shop_id_foreign";`);
    this.addSql(`alter index "passwordless_throttle_shop_id_updated_at_index" rename to "rate_limit_window_shop_id_updated_at_index";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter index "rate_limit_window_shop_id_updated_at_index" rename to "passwordless_throttle_shop_id_updated_at_index";`);
    this.addSql(`alter table "rate_limit_window" rename constraint "rate_limit_window_shop_id_foreign" to "passwordless_throttle_shop_id_foreign";`);
    this.addSql(`alter table "rate_limit_window" rename constraint "rate_limit_window_shop_id_subject_unique" to "passwordless_throttle_shop_id_subject_unique";`);
    this.addSql(`alter table "rate_limit_window" rename constraint "rate_limit_window_pkey" to "passwordless_throttle_pkey";`);
    this.addSql(`alter table "rate_limit_window" rename to "passwordless_throttle";`);
  }
}
