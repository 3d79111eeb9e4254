import { Migration } from '@mikro-orm/migrations';

export class Migration20261121233808_passwordless extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "passwordless_throttle" ("id" uuid not null, "shop_id" uuid not null, "subject" varchar(400) not null, "hits" jsonb not null, "updated_at" timestamptz not null, constraint "passwordless_throttle_pkey" primary key ("id"));`);
    this.addSql(`alter table "passwordless_throttle" add constraint "passwordless_throttle_shop_id_subject_unique" unique ("shop_id", "subject");`);

    this.addSql(`create table "otp_code" ("id" uuid not null, "shop_id" uuid not null, "channel" text check ("channel" in ('email', 'sms')) not null, "identifier" varchar(320) not null, "code_hash" varchar(64) not null, "attempts" int not null default 0, "state" text check ("state" in ('live', 'used', 'superseded')) not null default 'live', "expires_at" timestamptz not null, "used_at" timestamptz null, "created_at" timestamptz not null, constraint "otp_code_pkey" primary key ("id"));`);
    this.addSql(`create index "otp_code_shop_id_identifier_created_at_index" on "otp_code" ("shop_id", "identifier", "created_at");`);

    this.addSql(`create table "magic_link_use" ("id" uuid not null, "shop_id" uuid not null, "jti" uuid not null, "expires_at" timestamptz not null, "created_at" timestamptz not null, constraint "magic_link_use_pkey" primary key ("id"));`);
    this.addSql(`create index "magic_link_use_shop_id_expires_at_index" on "magic_link_use" ("shop_id", "expires_at");`);
    this.addSql(`alter table "magic_link_use" add constraint "magic_link_use_shop_id_jti_unique" unique ("shop_id", "jti");`);

    this.addSql(`alter table "passwordless_throttle" add constraint "passwordless_throttle_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "otp_code" add constraint "otp_code_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "magic_link_use" add constraint "magic_link_use_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);

    // Hand-written: what the entity metadata cannot express.
    // At most one live code per identifier: a new code supersedes the old one.
    this.addSql(`create unique index "otp_code_one_live" on "otp_code" ("shop_id", "identifier") where "state" = 'live';`);
    this.addSql(`alter table "otp_code" add constraint "otp_code_attempts_non_negative" check ("attempts" >= 0);`);
    this.addSql(`alter table "otp_code" add constraint "otp_code_used_has_time" check (("state" = 'used') = ("used_at" is not null));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "passwordless_throttle" cascade;`);

    this.addSql(`drop table if exists "otp_code" cascade;`);

    this.addSql(`drop table if exists "magic_link_use" cascade;`);
  }

}
