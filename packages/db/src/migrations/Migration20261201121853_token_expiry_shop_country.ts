import { Migration } from '@mikro-orm/migrations';

/** Optional lifetimes for storefront and app tokens; the shop's country (the default SMS destinations). */
export class Migration20261201121853_token_expiry_shop_country extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "shop" add column "country" varchar(2) null;`);
    this.addSql(`alter table "shop" add constraint shop_country_alpha2 check ("country" ~ '^[A-Z]{2}$');`);
    this.addSql(`alter table "app" add column "token_expires_at" timestamptz null;`);
    this.addSql(`alter table "storefront_access_token" add column "expires_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "app" drop column "token_expires_at";`);
    this.addSql(`alter table "shop" drop constraint shop_country_alpha2;`);
    this.addSql(`alter table "shop" drop column "country";`);
    this.addSql(`alter table "storefront_access_token" drop column "expires_at";`);
  }

}
