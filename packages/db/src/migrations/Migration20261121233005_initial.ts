import { Migration } from '@mikro-orm/migrations';

export class Migration20261121233005_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "shop" ("id" uuid not null, "name" varchar(200) not null, "domain" varchar(255) not null, "email" varchar(320) null, "currency" varchar(3) not null default 'USD', "settings" jsonb not null, "created_at" timestamptz not null, constraint "shop_pkey" primary key ("id"));`);
    this.addSql(`alter table "shop" add constraint "shop_domain_unique" unique ("domain");`);

    this.addSql(`create table "product" ("id" uuid not null, "shop_id" uuid not null, "title" varchar(255) not null, "handle" varchar(255) not null, "description" text null, "status" text check ("status" in ('active', 'draft', 'archived')) not null default 'active', "created_at" timestamptz not null, constraint "product_pkey" primary key ("id"));`);
    this.addSql(`alter table "product" add constraint "product_shop_id_handle_unique" unique ("shop_id", "handle");`);

    this.addSql(`create table "product_variant" ("id" uuid not null, "shop_id" uuid not null, "product_id" uuid not null, "title" varchar(255) not null, "sku" varchar(100) null, "price_cents" int not null, "created_at" timestamptz not null, constraint "product_variant_pkey" primary key ("id"));`);
    this.addSql(`create index "product_variant_shop_id_product_id_index" on "product_variant" ("shop_id", "product_id");`);

    this.addSql(`create table "customer" ("id" uuid not null, "shop_id" uuid not null, "email" varchar(320) null, "phone" varchar(16) null, "first_name" varchar(100) null, "last_name" varchar(100) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "customer_pkey" primary key ("id"));`);
    this.addSql(`alter table "customer" add constraint "customer_shop_id_email_unique" unique ("shop_id", "email");`);
    this.addSql(`alter table "customer" add constraint "customer_shop_id_phone_unique" unique ("shop_id", "phone");`);

    this.addSql(`create table "order" ("id" uuid not null, "shop_id" uuid not null, "customer_id" uuid not null, "number" int not null, "currency" varchar(3) not null, "subtotal_cents" int not null, "total_cents" int not null, "paid_cents" int not null, "refunded_cents" int not null default 0, "financial_status" text check ("financial_status" in ('paid', 'partially_refunded', 'refunded')) not null default 'paid', "fulfillment_status" text check ("fulfillment_status" in ('unfulfilled', 'partial', 'fulfilled')) not null default 'unfulfilled', "created_at" timestamptz not null, constraint "order_pkey" primary key ("id"));`);
    this.addSql(`create index "order_shop_id_customer_id_index" on "order" ("shop_id", "customer_id");`);
    this.addSql(`alter table "order" add constraint "order_shop_id_number_unique" unique ("shop_id", "number");`);

    this.addSql(`create table "order_line" ("id" uuid not null, "shop_id" uuid not null, "order_id" uuid not null, "variant_id" uuid null, "title" varchar(255) not null, "sku" varchar(100) null, "quantity" int not null, "unit_price_cents" int not null, "fulfilled_quantity" int not null default 0, constraint "order_line_pkey" primary key ("id"));`);
    this.addSql(`create index "order_line_shop_id_order_id_index" on "order_line" ("shop_id", "order_id");`);

    this.addSql(`create table "fulfillment" ("id" uuid not null, "shop_id" uuid not null, "order_id" uuid not null, "tracking_number" varchar(100) null, "fulfilled_at" timestamptz not null, "created_at" timestamptz not null, constraint "fulfillment_pkey" primary key ("id"));`);
    this.addSql(`create index "fulfillment_shop_id_order_id_index" on "fulfillment" ("shop_id", "order_id");`);

    this.addSql(`create table "fulfillment_line" ("id" uuid not null, "shop_id" uuid not null, "fulfillment_id" uuid not null, "order_line_id" uuid not null, "quantity" int not null, constraint "fulfillment_line_pkey" primary key ("id"));`);
    this.addSql(`create index "fulfillment_line_shop_id_fulfillment_id_index" on "fulfillment_line" ("shop_id", "fulfillment_id");`);
    this.addSql(`create index "fulfillment_line_shop_id_order_line_id_index" on "fulfillment_line" ("shop_id", "order_line_id");`);

    this.addSql(`create table "customer_address" ("id" uuid not null, "shop_id" uuid not null, "customer_id" uuid not null, "first_name" varchar(100) null, "last_name" varchar(100) null, "company" varchar(200) null, "address1" varchar(200) not null, "address2" varchar(200) null, "city" varchar(100) not null, "province" varchar(100) null, "zip" varchar(20) null, "country_code" varchar(2) not null, "phone" varchar(16) null, "is_default" boolean not null default false, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "customer_address_pkey" primary key ("id"));`);
    this.addSql(`create index "customer_address_shop_id_customer_id_index" on "customer_address" ("shop_id", "customer_id");`);

    this.addSql(`create table "customer_access_token" ("id" uuid not null, "shop_id" uuid not null, "customer_id" uuid not null, "token_hash" varchar(64) not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "created_at" timestamptz not null, constraint "customer_access_token_pkey" primary key ("id"));`);
    this.addSql(`alter table "customer_access_token" add constraint "customer_access_token_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "customer_access_token_shop_id_customer_id_index" on "customer_access_token" ("shop_id", "customer_id");`);

    this.addSql(`create table "app" ("id" uuid not null, "shop_id" uuid not null, "name" varchar(200) not null, "client_id" varchar(64) not null, "token_hash" varchar(64) not null, "iframe_hosts" jsonb not null, "uninstalled_at" timestamptz null, "created_at" timestamptz not null, constraint "app_pkey" primary key ("id"));`);
    this.addSql(`alter table "app" add constraint "app_client_id_unique" unique ("client_id");`);
    this.addSql(`alter table "app" add constraint "app_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "app_shop_id_index" on "app" ("shop_id");`);

    this.addSql(`create table "admin_token" ("id" uuid not null, "shop_id" uuid not null, "title" varchar(200) not null, "token_hash" varchar(64) not null, "scopes" jsonb not null, "expires_at" timestamptz null, "revoked_at" timestamptz null, "created_at" timestamptz not null, constraint "admin_token_pkey" primary key ("id"));`);
    this.addSql(`alter table "admin_token" add constraint "admin_token_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "admin_token_shop_id_index" on "admin_token" ("shop_id");`);

    this.addSql(`create table "storefront_access_token" ("id" uuid not null, "shop_id" uuid not null, "title" varchar(200) not null, "token_hash" varchar(64) not null, "revoked_at" timestamptz null, "created_at" timestamptz not null, constraint "storefront_access_token_pkey" primary key ("id"));`);
    this.addSql(`alter table "storefront_access_token" add constraint "storefront_access_token_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "storefront_access_token_shop_id_index" on "storefront_access_token" ("shop_id");`);

    this.addSql(`create table "wishlist_item" ("id" uuid not null, "shop_id" uuid not null, "customer_id" uuid not null, "variant_id" uuid not null, "created_at" timestamptz not null, constraint "wishlist_item_pkey" primary key ("id"));`);
    this.addSql(`alter table "wishlist_item" add constraint "wishlist_item_shop_id_customer_id_variant_id_unique" unique ("shop_id", "customer_id", "variant_id");`);

    this.addSql(`alter table "product" add constraint "product_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "product_variant" add constraint "product_variant_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "product_variant" add constraint "product_variant_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "customer" add constraint "customer_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "order" add constraint "order_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "order" add constraint "order_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`);

    this.addSql(`alter table "order_line" add constraint "order_line_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "order_line" add constraint "order_line_order_id_foreign" foreign key ("order_id") references "order" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "order_line" add constraint "order_line_variant_id_foreign" foreign key ("variant_id") references "product_variant" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "fulfillment" add constraint "fulfillment_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "fulfillment" add constraint "fulfillment_order_id_foreign" foreign key ("order_id") references "order" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "fulfillment_line" add constraint "fulfillment_line_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "fulfillment_line" add constraint "fulfillment_line_fulfillment_id_foreign" foreign key ("fulfillment_id") references "fulfillment" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "fulfillment_line" add constraint "fulfillment_line_order_line_id_foreign" foreign key ("order_line_id") references "order_line" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "customer_address" add constraint "customer_address_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "customer_address" add constraint "customer_address_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "customer_access_token" add constraint "customer_access_token_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "customer_access_token" add constraint "customer_access_token_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "app" add constraint "app_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "admin_token" add constraint "admin_token_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "storefront_access_token" add constraint "storefront_access_token_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "wishlist_item" add constraint "wishlist_item_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "wishlist_item" add constraint "wishlist_item_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "wishlist_item" add constraint "wishlist_item_variant_id_foreign" foreign key ("variant_id") references "product_variant" ("id") on update cascade on delete cascade;`);
    // Hand-written: invariants the entity metadata cannot express.
    this.addSql(`create unique index "customer_address_one_default" on "customer_address" ("shop_id", "customer_id") where "is_default";`);
    this.addSql(`alter table "order" add constraint "order_refund_within_paid" check ("refunded_cents" >= 0 and "refunded_cents" <= "paid_cents");`);
    this.addSql(`alter table "order_line" add constraint "order_line_fulfilled_within_quantity" check ("fulfilled_quantity" >= 0 and "fulfilled_quantity" <= "quantity" and "quantity" > 0);`);
    this.addSql(`alter table "fulfillment_line" add constraint "fulfillment_line_quantity_positive" check ("quantity" > 0);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "product" drop constraint "product_shop_id_foreign";`);

    this.addSql(`alter table "product_variant" drop constraint "product_variant_shop_id_foreign";`);

    this.addSql(`alter table "customer" drop constraint "customer_shop_id_foreign";`);

    this.addSql(`alter table "order" drop constraint "order_shop_id_foreign";`);

    this.addSql(`alter table "order_line" drop constraint "order_line_shop_id_foreign";`);

    this.addSql(`alter table "fulfillment" drop constraint "fulfillment_shop_id_foreign";`);

    this.addSql(`alter table "fulfillment_line" drop constraint "fulfillment_line_shop_id_foreign";`);

    this.addSql(`alter table "customer_address" drop constraint "customer_address_shop_id_foreign";`);

    this.addSql(`alter table "customer_access_token" drop constraint "customer_access_token_shop_id_foreign";`);

    this.addSql(`alter table "app" drop constraint "app_shop_id_foreign";`);

    this.addSql(`alter table "admin_token" drop constraint "admin_token_shop_id_foreign";`);

    this.addSql(`alter table "storefront_access_token" drop constraint "storefront_access_token_shop_id_foreign";`);

    this.addSql(`alter table "wishlist_item" drop constraint "wishlist_item_shop_id_foreign";`);

    this.addSql(`alter table "product_variant" drop constraint "product_variant_product_id_foreign";`);

    this.addSql(`alter table "order_line" drop constraint "order_line_variant_id_foreign";`);

    this.addSql(`alter table "wishlist_item" drop constraint "wishlist_item_variant_id_foreign";`);

    this.addSql(`alter table "order" drop constraint "order_customer_id_foreign";`);

    this.addSql(`alter table "customer_address" drop constraint "customer_address_customer_id_foreign";`);

    this.addSql(`alter table "customer_access_token" drop constraint "customer_access_token_customer_id_foreign";`);

    this.addSql(`alter table "wishlist_item" drop constraint "wishlist_item_customer_id_foreign";`);

    this.addSql(`alter table "order_line" drop constraint "order_line_order_id_foreign";`);

    this.addSql(`alter table "fulfillment" drop constraint "fulfillment_order_id_foreign";`);

    this.addSql(`alter table "fulfillment_line" drop constraint "fulfillment_line_order_line_id_foreign";`);

    this.addSql(`alter table "fulfillment_line" drop constraint "fulfillment_line_fulfillment_id_foreign";`);

    this.addSql(`drop table if exists "shop" cascade;`);

    this.addSql(`drop table if exists "product" cascade;`);

    this.addSql(`drop table if exists "product_variant" cascade;`);

    this.addSql(`drop table if exists "customer" cascade;`);

    this.addSql(`drop table if exists "order" cascade;`);

    this.addSql(`drop table if exists "order_line" cascade;`);

    this.addSql(`drop table if exists "fulfillment" cascade;`);

    this.addSql(`drop table if exists "fulfillment_line" cascade;`);

    this.addSql(`drop table if exists "customer_address" cascade;`);

    this.addSql(`drop table if exists "customer_access_token" cascade;`);

    this.addSql(`drop table if exists "app" cascade;`);

    this.addSql(`drop table if exists "admin_token" cascade;`);

    this.addSql(`drop table if exists "storefront_access_token" cascade;`);

    this.addSql(`drop table if exists "wishlist_item" cascade;`);
  }

}
