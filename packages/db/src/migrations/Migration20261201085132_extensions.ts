import { Migration } from '@mikro-orm/migrations';

export class Migration20261201085132_extensions extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "extension_block" ("id" uuid not null, "shop_id" uuid not null, "app_id" uuid not null, "slug" varchar(64) not null, "point" text check ("point" in ('header', 'footer', 'sidebar', 'account_overview', 'order_detail', 'return_detail')) not null, "allowed_points" jsonb not null, "position" int not null, "kind" text check ("kind" in ('liquid', 'iframe', 'remote_ui')) not null, "title" varchar(200) not null, "template" text null, "url" varchar(2048) null, "tree" jsonb null, "settings" jsonb not null, "settings_override" jsonb not null, "app_enabled" boolean not null default true, "merchant_enabled" boolean not null default true, "version" int not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "extension_block_pkey" primary key ("id"));`);
    this.addSql(`create index "extension_block_shop_id_point_position_index" on "extension_block" ("shop_id", "point", "position");`);
    this.addSql(`create index "extension_block_shop_id_app_id_index" on "extension_block" ("shop_id", "app_id");`);
    this.addSql(`alter table "extension_block" add constraint "extension_block_app_id_slug_unique" unique ("app_id", "slug");`);

    this.addSql(`create table "extension_render_error" ("id" uuid not null, "shop_id" uuid not null, "block_id" uuid not null, "version" int not null, "kind" text check ("kind" in ('limit', 'error')) not null, "message" varchar(500) not null, "count" int not null default 1, "first_at" timestamptz not null, "last_at" timestamptz not null, constraint "extension_render_error_pkey" primary key ("id"));`);
    this.addSql(`create index "extension_render_error_shop_id_block_id_index" on "extension_render_error" ("shop_id", "block_id");`);
    this.addSql(`alter table "extension_render_error" add constraint "extension_render_error_block_id_version_unique" unique ("block_id", "version");`);

    this.addSql(`create table "extension_block_version" ("id" uuid not null, "shop_id" uuid not null, "block_id" uuid not null, "version" int not null, "kind" text check ("kind" in ('liquid', 'iframe', 'remote_ui')) not null, "title" varchar(200) not null, "template" text null, "url" varchar(2048) null, "tree" jsonb null, "settings" jsonb not null, "created_at" timestamptz not null, constraint "extension_block_version_pkey" primary key ("id"));`);
    this.addSql(`create index "extension_block_version_shop_id_block_id_index" on "extension_block_version" ("shop_id", "block_id");`);
    this.addSql(`alter table "extension_block_version" add constraint "extension_block_version_block_id_version_unique" unique ("block_id", "version");`);

    this.addSql(`alter table "extension_block" add constraint "extension_block_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "extension_block" add constraint "extension_block_app_id_foreign" foreign key ("app_id") references "app" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "extension_render_error" add constraint "extension_render_error_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "extension_render_error" add constraint "extension_render_error_block_id_foreign" foreign key ("block_id") references "extension_block" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "extension_block_version" add constraint "extension_block_version_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "extension_block_version" add constraint "extension_block_version_block_id_foreign" foreign key ("block_id") references "extension_block" ("id") on update cascade on delete cascade;`);

    // Hand-written: invariants the entity metadata cannot express.
    this.addSql(`alter table "extension_block" add constraint "extension_block_content_matches_kind" check (("kind" = 'liquid') = ("template" is not null) and ("kind" = 'iframe') = ("url" is not null) and ("kind" = 'remote_ui') = ("tree" is not null));`);
    this.addSql(`alter table "extension_block" add constraint "extension_block_point_allowed" check (jsonb_exists("allowed_points", "point"));`);
    this.addSql(`alter table "extension_block" add constraint "extension_block_position_non_negative" check ("position" >= 0);`);
    this.addSql(`alter table "extension_block" add constraint "extension_block_version_positive" check ("version" >= 1);`);
    this.addSql(`alter table "extension_render_error" add constraint "extension_render_error_count_positive" check ("count" >= 1);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "extension_render_error" drop constraint "extension_render_error_block_id_foreign";`);

    this.addSql(`alter table "extension_block_version" drop constraint "extension_block_version_block_id_foreign";`);

    this.addSql(`drop table if exists "extension_block" cascade;`);

    this.addSql(`drop table if exists "extension_render_error" cascade;`);

    this.addSql(`drop table if exists "extension_block_version" cascade;`);
  }

}
