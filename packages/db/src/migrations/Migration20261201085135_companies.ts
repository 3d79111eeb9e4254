import { Migration } from '@mikro-orm/migrations';

export class Migration20261201085135_companies extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "company" ("id" uuid not null, "shop_id" uuid not null, "name" varchar(200) not null, "external_id" varchar(100) null, "note" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "company_pkey" primary key ("id"));`);
    this.addSql(`create index "company_shop_id_name_index" on "company" ("shop_id", "name");`);
    this.addSql(`alter table "company" add constraint "company_shop_id_external_id_unique" unique ("shop_id", "external_id");`);

    this.addSql(`create table "company_membership" ("id" uuid not null, "shop_id" uuid not null, "company_id" uuid not null, "customer_id" uuid not null, "role" text check ("role" in ('admin', 'buyer', 'viewer')) not null, "location_limited" boolean not null default false, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "company_membership_pkey" primary key ("id"));`);
    this.addSql(`create index "company_membership_shop_id_company_id_index" on "company_membership" ("shop_id", "company_id");`);
    this.addSql(`alter table "company_membership" add constraint "company_membership_shop_id_customer_id_unique" unique ("shop_id", "customer_id");`);

    this.addSql(`create table "company_location" ("id" uuid not null, "shop_id" uuid not null, "company_id" uuid not null, "name" varchar(200) not null, "address1" varchar(200) not null, "address2" varchar(200) null, "city" varchar(100) not null, "province" varchar(100) null, "zip" varchar(20) null, "country_code" varchar(2) not null, "budget_amount_cents" int not null, "currency" varchar(3) not null, "budget_period" text check ("budget_period" in ('monthly', 'quarterly', 'yearly')) not null, "period_start" date not null, "spent_cents" int not null default 0, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "company_location_pkey" primary key ("id"));`);
    this.addSql(`create index "company_location_shop_id_company_id_index" on "company_location" ("shop_id", "company_id");`);

    this.addSql(`create table "company_order" ("id" uuid not null, "shop_id" uuid not null, "order_id" uuid not null, "company_id" uuid not null, "location_id" uuid not null, "source_order_id" uuid null, "created_at" timestamptz not null, constraint "company_order_pkey" primary key ("id"));`);
    this.addSql(`alter table "company_order" add constraint "company_order_order_id_unique" unique ("order_id");`);
    this.addSql(`create index "company_order_shop_id_company_id_index" on "company_order" ("shop_id", "company_id");`);
    this.addSql(`create index "company_order_shop_id_location_id_index" on "company_order" ("shop_id", "location_id");`);

    this.addSql(`create table "company_membership_location" ("id" uuid not null, "shop_id" uuid not null, "membership_id" uuid not null, "location_id" uuid not null, constraint "company_membership_location_pkey" primary key ("id"));`);
    this.addSql(`create index "company_membership_location_shop_id_membership_id_index" on "company_membership_location" ("shop_id", "membership_id");`);
    this.addSql(`create index "company_membership_location_shop_id_location_id_index" on "company_membership_location" ("shop_id", "location_id");`);
    this.addSql(`alter table "company_membership_location" add constraint "company_membership_location_membership_id_location_id_unique" unique ("membership_id", "location_id");`);

    this.addSql(`create table "company_budget_entry" ("id" uuid not null, "shop_id" uuid not null, "location_id" uuid not null, "kind" text check ("kind" in ('charge', 'refund', 'reset')) not null, "amount_cents" int not null, "period_start" date not null, "order_id" uuid null, "created_at" timestamptz not null, constraint "company_budget_entry_pkey" primary key ("id"));`);
    this.addSql(`create index "company_budget_entry_shop_id_location_id_index" on "company_budget_entry" ("shop_id", "location_id");`);

    this.addSql(`alter table "company" add constraint "company_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "company_membership" add constraint "company_membership_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "company_membership" add constraint "company_membership_company_id_foreign" foreign key ("company_id") references "company" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "company_membership" add constraint "company_membership_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "company_location" add constraint "company_location_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "company_location" add constraint "company_location_company_id_foreign" foreign key ("company_id") references "company" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "company_order" add constraint "company_order_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "company_order" add constraint "company_order_order_id_foreign" foreign key ("order_id") references "order" ("id") on update cascade;`);
    this.addSql(`alter table "company_order" add constraint "company_order_company_id_foreign" foreign key ("company_id") references "company" ("id") on update cascade;`);
    this.addSql(`alter table "company_order" add constraint "company_order_location_id_foreign" foreign key ("location_id") references "company_location" ("id") on update cascade;`);
    this.addSql(`alter table "company_order" add constraint "company_order_source_order_id_foreign" foreign key ("source_order_id") references "order" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "company_membership_location" add constraint "company_membership_location_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "company_membership_location" add constraint "company_membership_location_membership_id_foreign" foreign key ("membership_id") references "company_membership" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "company_membership_location" add constraint "company_membership_location_location_id_foreign" foreign key ("location_id") references "company_location" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "company_budget_entry" add constraint "company_budget_entry_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "company_budget_entry" add constraint "company_budget_entry_location_id_foreign" foreign key ("location_id") references "company_location" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "company_budget_entry" add constraint "company_budget_entry_order_id_foreign" foreign key ("order_id") references "order" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "shop" add column "timezone" varchar(64) not null default 'UTC';`);

    // Hand-written: invariants the entity metadata cannot express.
    this.addSql(`alter table "company_location" add constraint "company_location_budget_non_negative" check ("budget_amount_cents" >= 0 and "spent_cents" >= 0);`);
    this.addSql(`alter table "company_budget_entry" add constraint "company_budget_entry_sign" check (("kind" = 'charge' and "amount_cents" >= 0 and "order_id" is not null) or ("kind" = 'refund' and "amount_cents" < 0) or ("kind" = 'reset' and "amount_cents" <= 0));`);
    // One reset per location and period: the reset's idempotency key.
    this.addSql(`create unique index "company_budget_entry_one_reset_per_period" on "company_budget_entry" ("location_id", "period_start") where "kind" = 'reset';`);
    // One charge per order: a retried reorder cannot charge twice.
    this.addSql(`create unique index "company_budget_entry_one_charge_per_order" on "company_budget_entry" ("order_id") where "kind" = 'charge';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "company_membership" drop constraint "company_membership_company_id_foreign";`);

    this.addSql(`alter table "company_location" drop constraint "company_location_company_id_foreign";`);

    this.addSql(`alter table "company_order" drop constraint "company_order_company_id_foreign";`);

    this.addSql(`alter table "company_membership_location" drop constraint "company_membership_location_membership_id_foreign";`);

    this.addSql(`alter table "company_order" drop constraint "company_order_location_id_foreign";`);

    this.addSql(`alter table "company_membership_location" drop constraint "company_membership_location_location_id_foreign";`);

    this.addSql(`alter table "company_budget_entry" drop constraint "company_budget_entry_location_id_foreign";`);

    this.addSql(`drop table if exists "company" cascade;`);

    this.addSql(`drop table if exists "company_membership" cascade;`);

    this.addSql(`drop table if exists "company_location" cascade;`);

    this.addSql(`drop table if exists "company_order" cascade;`);

    this.addSql(`drop table if exists "company_membership_location" cascade;`);

    this.addSql(`drop table if exists "company_budget_entry" cascade;`);

    this.addSql(`alter table "shop" drop column "timezone";`);
  }

}
