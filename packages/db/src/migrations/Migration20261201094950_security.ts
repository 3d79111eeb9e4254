import { Migration } from '@mikro-orm/migrations';

export class Migration20261201094950_security extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "magic_link_latest" ("id" uuid not null, "shop_id" uuid not null, "email" varchar(320) not null, "jti" uuid not null, "created_at" timestamptz not null, constraint "magic_link_latest_pkey" primary key ("id"));`);
    this.addSql(`create index "magic_link_latest_shop_id_created_at_index" on "magic_link_latest" ("shop_id", "created_at");`);
    this.addSql(`alter table "magic_link_latest" add constraint "magic_link_latest_shop_id_email_unique" unique ("shop_id", "email");`);

    this.addSql(`alter table "magic_link_latest" add constraint "magic_link_latest_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "customer" add column "pending_phone" varchar(16) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "magic_link_latest" cascade;`);

    this.addSql(`alter table "customer" drop column "pending_phone";`);
  }

}
