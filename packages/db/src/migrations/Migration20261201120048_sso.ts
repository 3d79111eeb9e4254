import { Migration } from '@mikro-orm/migrations';
import { tenantKeyName } from './Migration20261201110000_tenant_foreign_keys.js';

/*
 * Enterprise SSO (issue #12): a company's IdP configuration and its email domains (unique per shop, so
 * two companies can never claim one), pending logins (single use: deleted by the callback), and the
 * customers' identities at IdPs. `customer.email_verified_at` records that an IdP vouched for the email.
 * Composite tenant keys as Migration20261201110000_tenant_foreign_keys prescribes.
 */
export class Migration20261201120048_sso extends Migration {
  static readonly references: readonly [child: string, column: string, parent: string][] = [
    ['company_sso', 'company_id', 'company'],
    ['company_sso_domain', 'sso_id', 'company_sso'],
    ['sso_login', 'company_id', 'company'],
    ['sso_identity', 'customer_id', 'customer'],
  ];

  /** Parents that had no unique (shop_id, id) yet (customer got one in the tenant-keys migration). */
  static readonly newParents = ['company', 'company_sso'] as const;

  override async up(): Promise<void> {
    this.addSql(`create table "company_sso" ("id" uuid not null, "shop_id" uuid not null, "company_id" uuid not null, "provider" text check ("provider" in ('google', 'azure', 'okta', 'custom')) not null, "issuer" varchar(500) not null, "client_id" varchar(200) not null, "client_secret_sealed" text not null, "default_role" text check ("default_role" in ('admin', 'buyer', 'viewer')) not null, "enabled" boolean not null, "enforce" boolean not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "company_sso_pkey" primary key ("id"));`);
    this.addSql(`alter table "company_sso" add constraint "company_sso_company_id_unique" unique ("company_id");`);
    this.addSql(`create table "company_sso_domain" ("id" uuid not null, "shop_id" uuid not null, "sso_id" uuid not null, "domain" varchar(253) not null, "created_at" timestamptz not null, constraint "company_sso_domain_pkey" primary key ("id"));`);
    this.addSql(`create index "company_sso_domain_sso_id_index" on "company_sso_domain" ("sso_id");`);
    this.addSql(`alter table "company_sso_domain" add constraint "company_sso_domain_shop_id_domain_unique" unique ("shop_id", "domain");`);
    this.addSql(`create table "sso_identity" ("id" uuid not null, "shop_id" uuid not null, "customer_id" uuid not null, "issuer" varchar(500) not null, "subject" varchar(255) not null, "last_login_at" timestamptz not null, "created_at" timestamptz not null, constraint "sso_identity_pkey" primary key ("id"));`);
    this.addSql(`create index "sso_identity_customer_id_index" on "sso_identity" ("customer_id");`);
    this.addSql(`alter table "sso_identity" add constraint "sso_identity_shop_id_issuer_subject_unique" unique ("shop_id", "issuer", "subject");`);
    this.addSql(`create table "sso_login" ("id" uuid not null, "shop_id" uuid not null, "company_id" uuid not null, "state_hash" varchar(64) not null, "issuer" varchar(500) not null, "nonce_sealed" text not null, "code_verifier_sealed" text not null, "redirect_uri" text not null, "expires_at" timestamptz not null, "created_at" timestamptz not null, constraint "sso_login_pkey" primary key ("id"));`);
    this.addSql(`alter table "sso_login" add constraint "sso_login_state_hash_unique" unique ("state_hash");`);
    this.addSql(`create index "sso_login_expires_at_index" on "sso_login" ("expires_at");`);
    this.addSql(`alter table "company_sso" add constraint "company_sso_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "company_sso" add constraint "company_sso_company_id_foreign" foreign key ("company_id") references "company" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "company_sso_domain" add constraint "company_sso_domain_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "company_sso_domain" add constraint "company_sso_domain_sso_id_foreign" foreign key ("sso_id") references "company_sso" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "sso_identity" add constraint "sso_identity_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "sso_identity" add constraint "sso_identity_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "sso_login" add constraint "sso_login_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "sso_login" add constraint "sso_login_company_id_foreign" foreign key ("company_id") references "company" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "customer" add column "email_verified_at" timestamptz null;`);
    const self = Migration20261201120048_sso;
    for (const parent of self.newParents) {
      this.addSql(`alter table "${parent}" add constraint "${parent}_shop_id_id_unique" unique ("shop_id", "id");`);
    }
    for (const [child, column, parent] of self.references) {
      this.addSql(
        `alter table "${child}" add constraint "${tenantKeyName(child, column)}" foreign key ("shop_id", "${column}") references "${parent}" ("shop_id", "id");`,
      );
    }
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "company_sso_domain" cascade;`);
    this.addSql(`drop table if exists "sso_login" cascade;`);
    this.addSql(`drop table if exists "sso_identity" cascade;`);
    this.addSql(`drop table if exists "company_sso" cascade;`);
    this.addSql(`alter table "company" drop constraint "company_shop_id_id_unique";`);
    this.addSql(`alter table "customer" drop column "email_verified_at";`);
  }
}
