import { Migration } from '@mikro-orm/migrations';

export class Migration20261201085150_portal_loyalty extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "loyalty_reward" ("id" uuid not null, "shop_id" uuid not null, "name" varchar(100) not null, "description" text null, "kind" text check ("kind" in ('fixed_amount_discount', 'percentage_discount', 'free_shipping')) not null, "points_cost" int not null, "amount_cents" int null, "percentage" int null, "minimum_subtotal_cents" int null, "active" boolean not null default true, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "loyalty_reward_pkey" primary key ("id"));`);
    this.addSql(`create index "loyalty_reward_shop_id_active_index" on "loyalty_reward" ("shop_id", "active");`);

    this.addSql(`create table "loyalty_program" ("id" uuid not null, "shop_id" uuid not null, "points_expire_after_days" int null, "tiers" jsonb not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "loyalty_program_pkey" primary key ("id"));`);
    this.addSql(`alter table "loyalty_program" add constraint "loyalty_program_shop_id_unique" unique ("shop_id");`);

    this.addSql(`create table "loyalty_earn_rule" ("id" uuid not null, "shop_id" uuid not null, "kind" text check ("kind" in ('per_currency_unit', 'first_order', 'birthday', 'signup')) not null, "name" varchar(100) not null, "description" text null, "points" int not null, "active" boolean not null default true, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "loyalty_earn_rule_pkey" primary key ("id"));`);
    this.addSql(`alter table "loyalty_earn_rule" add constraint "loyalty_earn_rule_shop_id_kind_unique" unique ("shop_id", "kind");`);

    this.addSql(`create table "loyalty_ledger_entry" ("id" uuid not null, "shop_id" uuid not null, "customer_id" uuid not null, "kind" text check ("kind" in ('earn', 'redeem', 'adjust', 'reverse', 'expire')) not null, "status" text check ("status" in ('pending', 'posted')) not null, "points" int not null, "description" varchar(200) not null, "order_id" uuid null, "source_key" varchar(200) not null, "created_at" timestamptz not null, constraint "loyalty_ledger_entry_pkey" primary key ("id"));`);
    this.addSql(`create index "loyalty_ledger_entry_shop_id_customer_id_created_at_index" on "loyalty_ledger_entry" ("shop_id", "customer_id", "created_at");`);
    this.addSql(`create index "loyalty_ledger_entry_shop_id_order_id_index" on "loyalty_ledger_entry" ("shop_id", "order_id");`);
    this.addSql(`alter table "loyalty_ledger_entry" add constraint "loyalty_ledger_entry_shop_id_source_key_unique" unique ("shop_id", "source_key");`);

    this.addSql(`create table "loyalty_redemption" ("id" uuid not null, "shop_id" uuid not null, "customer_id" uuid not null, "reward_id" uuid not null, "ledger_entry_id" uuid not null, "points_spent" int not null, "code" varchar(40) not null, "kind" text check ("kind" in ('fixed_amount_discount', 'percentage_discount', 'free_shipping')) not null, "amount_cents" int null, "percentage" int null, "minimum_subtotal_cents" int null, "expires_at" timestamptz not null, "created_at" timestamptz not null, constraint "loyalty_redemption_pkey" primary key ("id"));`);
    this.addSql(`alter table "loyalty_redemption" add constraint "loyalty_redemption_ledger_entry_id_unique" unique ("ledger_entry_id");`);
    this.addSql(`alter table "loyalty_redemption" add constraint "loyalty_redemption_code_unique" unique ("code");`);
    this.addSql(`create index "loyalty_redemption_shop_id_customer_id_created_at_index" on "loyalty_redemption" ("shop_id", "customer_id", "created_at");`);

    this.addSql(`create table "loyalty_account" ("id" uuid not null, "shop_id" uuid not null, "customer_id" uuid not null, "balance" int not null default 0, "pending" int not null default 0, "lifetime" int not null default 0, "birth_date" varchar(10) null, "last_activity_at" timestamptz not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "loyalty_account_pkey" primary key ("id"));`);
    this.addSql(`alter table "loyalty_account" add constraint "loyalty_account_shop_id_customer_id_unique" unique ("shop_id", "customer_id");`);

    this.addSql(`create table "account_api_token" ("id" uuid not null, "shop_id" uuid not null, "customer_id" uuid not null, "access_token_sealed" text not null, "refresh_token_sealed" text null, "id_token_sealed" text null, "subject" varchar(255) not null, "scope" varchar(500) null, "access_token_expires_at" timestamptz not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "account_api_token_pkey" primary key ("id"));`);
    this.addSql(`alter table "account_api_token" add constraint "account_api_token_shop_id_customer_id_unique" unique ("shop_id", "customer_id");`);

    this.addSql(`create table "account_api_provider" ("id" uuid not null, "shop_id" uuid not null, "issuer" varchar(500) not null, "client_id" varchar(200) not null, "client_secret_sealed" text null, "graphql_url" varchar(500) not null, "scopes" varchar(500) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "account_api_provider_pkey" primary key ("id"));`);
    this.addSql(`alter table "account_api_provider" add constraint "account_api_provider_shop_id_unique" unique ("shop_id");`);

    this.addSql(`create table "account_api_authorization" ("id" uuid not null, "shop_id" uuid not null, "customer_id" uuid not null, "state_hash" varchar(64) not null, "code_verifier_sealed" text not null, "nonce" varchar(100) not null, "return_url" text not null, "expires_at" timestamptz not null, "created_at" timestamptz not null, constraint "account_api_authorization_pkey" primary key ("id"));`);
    this.addSql(`alter table "account_api_authorization" add constraint "account_api_authorization_state_hash_unique" unique ("state_hash");`);
    this.addSql(`create index "account_api_authorization_shop_id_customer_id_index" on "account_api_authorization" ("shop_id", "customer_id");`);
    this.addSql(`create index "account_api_authorization_expires_at_index" on "account_api_authorization" ("expires_at");`);

    this.addSql(`alter table "loyalty_reward" add constraint "loyalty_reward_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "loyalty_program" add constraint "loyalty_program_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "loyalty_earn_rule" add constraint "loyalty_earn_rule_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "loyalty_ledger_entry" add constraint "loyalty_ledger_entry_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "loyalty_ledger_entry" add constraint "loyalty_ledger_entry_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "loyalty_ledger_entry" add constraint "loyalty_ledger_entry_order_id_foreign" foreign key ("order_id") references "order" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "loyalty_redemption" add constraint "loyalty_redemption_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "loyalty_redemption" add constraint "loyalty_redemption_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "loyalty_redemption" add constraint "loyalty_redemption_reward_id_foreign" foreign key ("reward_id") references "loyalty_reward" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "loyalty_redemption" add constraint "loyalty_redemption_ledger_entry_id_foreign" foreign key ("ledger_entry_id") references "loyalty_ledger_entry" ("id") on update cascade;`);

    this.addSql(`alter table "loyalty_account" add constraint "loyalty_account_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "loyalty_account" add constraint "loyalty_account_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "account_api_token" add constraint "account_api_token_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "account_api_token" add constraint "account_api_token_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "account_api_provider" add constraint "account_api_provider_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "account_api_authorization" add constraint "account_api_authorization_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "account_api_authorization" add constraint "account_api_authorization_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete cascade;`);

    // Invariants the code relies on, held by the database whatever the code does.
    this.addSql(`alter table "loyalty_account" add constraint loyalty_account_totals_non_negative check (balance >= 0 and pending >= 0 and lifetime >= 0);`);
    this.addSql(`alter table "loyalty_reward" add constraint loyalty_reward_cost_positive check (points_cost > 0);`);
    this.addSql(`alter table "loyalty_reward" add constraint loyalty_reward_value_fits_kind check (
      (kind = 'fixed_amount_discount' and amount_cents > 0 and percentage is null)
      or (kind = 'percentage_discount' and percentage between 1 and 100 and amount_cents is null)
      or (kind = 'free_shipping' and amount_cents is null and percentage is null));`);
    this.addSql(`alter table "loyalty_earn_rule" add constraint loyalty_earn_rule_points_non_negative check (points >= 0);`);
    this.addSql(`alter table "loyalty_ledger_entry" add constraint loyalty_ledger_entry_points_non_zero check (points <> 0);`);
    this.addSql(`alter table "loyalty_redemption" add constraint loyalty_redemption_points_positive check (points_spent > 0);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "loyalty_redemption" drop constraint "loyalty_redemption_reward_id_foreign";`);

    this.addSql(`alter table "loyalty_redemption" drop constraint "loyalty_redemption_ledger_entry_id_foreign";`);

    this.addSql(`drop table if exists "loyalty_reward" cascade;`);

    this.addSql(`drop table if exists "loyalty_program" cascade;`);

    this.addSql(`drop table if exists "loyalty_earn_rule" cascade;`);

    this.addSql(`drop table if exists "loyalty_ledger_entry" cascade;`);

    this.addSql(`drop table if exists "loyalty_redemption" cascade;`);

    this.addSql(`drop table if exists "loyalty_account" cascade;`);

    this.addSql(`drop table if exists "account_api_token" cascade;`);

    this.addSql(`drop table if exists "account_api_provider" cascade;`);

    this.addSql(`drop table if exists "account_api_authorization" cascade;`);

  }

}
