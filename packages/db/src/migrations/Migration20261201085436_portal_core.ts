import { Migration } from '@mikro-orm/migrations';

export class Migration20261201085436_portal_core extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "portal_settings_version" ("id" uuid not null, "shop_id" uuid not null, "version" int not null, "document" jsonb not null, "created_at" timestamptz not null, constraint "portal_settings_version_pkey" primary key ("id"));`);
    this.addSql(`alter table "portal_settings_version" add constraint "portal_settings_version_shop_id_version_unique" unique ("shop_id", "version");`);

    this.addSql(`create table "portal_custom_css" ("id" uuid not null, "shop_id" uuid not null, "source" text not null, "css" text not null, "etag" varchar(100) not null, "dropped" jsonb not null, "updated_at" timestamptz not null, constraint "portal_custom_css_pkey" primary key ("id"));`);
    this.addSql(`alter table "portal_custom_css" add constraint "portal_custom_css_shop_id_unique" unique ("shop_id");`);

    this.addSql(`create table "inventory_level" ("id" uuid not null, "shop_id" uuid not null, "variant_id" uuid not null, "available" int not null default 0, "updated_at" timestamptz not null, constraint "inventory_level_pkey" primary key ("id"));`);
    this.addSql(`alter table "inventory_level" add constraint "inventory_level_shop_id_variant_id_unique" unique ("shop_id", "variant_id");`);

    this.addSql(`create table "portal_activity" ("id" uuid not null, "shop_id" uuid not null, "customer_id" uuid null, "kind" text check ("kind" in ('order_refunded')) not null, "subject_id" uuid not null, "data" jsonb not null, "created_at" timestamptz not null, constraint "portal_activity_pkey" primary key ("id"));`);
    this.addSql(`create index "portal_activity_shop_id_customer_id_created_at_index" on "portal_activity" ("shop_id", "customer_id", "created_at");`);
    this.addSql(`create index "portal_activity_shop_id_subject_id_index" on "portal_activity" ("shop_id", "subject_id");`);

    this.addSql(`create table "order_refund" ("id" uuid not null, "shop_id" uuid not null, "order_id" uuid not null, "customer_id" uuid not null, "refund_id" uuid not null, "currency" varchar(3) not null, "paid_cents" int not null, "already_refunded_cents" int not null, "restocking_fee_cents" int not null, "non_refundable_fees_cents" int not null, "amount_cents" int not null, "restocked" jsonb not null, "created_at" timestamptz not null, constraint "order_refund_pkey" primary key ("id"));`);
    this.addSql(`alter table "order_refund" add constraint "order_refund_order_id_unique" unique ("order_id");`);
    this.addSql(`alter table "order_refund" add constraint "order_refund_refund_id_unique" unique ("refund_id");`);
    this.addSql(`create index "order_refund_shop_id_customer_id_index" on "order_refund" ("shop_id", "customer_id");`);

    this.addSql(`alter table "portal_settings_version" add constraint "portal_settings_version_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "portal_custom_css" add constraint "portal_custom_css_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "inventory_level" add constraint "inventory_level_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "inventory_level" add constraint "inventory_level_variant_id_foreign" foreign key ("variant_id") references "product_variant" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "portal_activity" add constraint "portal_activity_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "portal_activity" add constraint "portal_activity_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "order_refund" add constraint "order_refund_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "order_refund" add constraint "order_refund_order_id_foreign" foreign key ("order_id") references "order" ("id") on update cascade;`);
    this.addSql(`alter table "order_refund" add constraint "order_refund_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`);
    this.addSql(`alter table "order_refund" add constraint "order_refund_refund_id_foreign" foreign key ("refund_id") references "refund" ("id") on update cascade;`);

    // Hand-written: invariants the entity metadata cannot express.
    this.addSql(`alter table "portal_settings_version" add constraint "portal_settings_version_positive" check ("version" > 0);`);
    this.addSql(`alter table "inventory_level" add constraint "inventory_level_non_negative" check ("available" >= 0);`);
    this.addSql(`alter table "order_refund" add constraint "order_refund_amount_positive" check ("amount_cents" > 0);`);
    this.addSql(`alter table "order_refund" add constraint "order_refund_fees_non_negative" check ("restocking_fee_cents" >= 0 and "non_refundable_fees_cents" >= 0 and "already_refunded_cents" >= 0);`);
    this.addSql(`alter table "order_refund" add constraint "order_refund_amount_within_paid" check ("already_refunded_cents" + "amount_cents" <= "paid_cents");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "portal_settings_version" cascade;`);

    this.addSql(`drop table if exists "portal_custom_css" cascade;`);

    this.addSql(`drop table if exists "inventory_level" cascade;`);

    this.addSql(`drop table if exists "portal_activity" cascade;`);

    this.addSql(`drop table if exists "order_refund" cascade;`);
  }

}
