import { Migration } from '@mikro-orm/migrations';

export class Migration20261121234002_returns extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "return_request" ("id" uuid not null, "shop_id" uuid not null, "customer_id" uuid not null, "order_id" uuid not null, "status" text check ("status" in ('requested', 'approved', 'rejected', 'expired', 'refunded', 'cancelled')) not null default 'requested', "note" text null, "currency" varchar(3) not null, "amount_cents" int not null, "reject_reason" text check ("reject_reason" in ('final_sale', 'return_period_ended', 'item_not_eligible', 'other')) null, "decision_note" text null, "decided_at" timestamptz null, "expires_at" timestamptz not null, "workflow_id" varchar(100) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "return_request_pkey" primary key ("id"));`);
    this.addSql(`create index "return_request_shop_id_customer_id_index" on "return_request" ("shop_id", "customer_id");`);
    this.addSql(`create index "return_request_shop_id_order_id_index" on "return_request" ("shop_id", "order_id");`);
    this.addSql(`create index "return_request_shop_id_status_index" on "return_request" ("shop_id", "status");`);

    this.addSql(`create table "return_request_event" ("id" uuid not null, "shop_id" uuid not null, "return_request_id" uuid not null, "from_status" text check ("from_status" in ('requested', 'approved', 'rejected', 'expired', 'refunded', 'cancelled')) null, "status" text check ("status" in ('requested', 'approved', 'rejected', 'expired', 'refunded', 'cancelled')) not null, "actor" text check ("actor" in ('customer', 'merchant', 'system')) not null, "note" text null, "created_at" timestamptz not null, constraint "return_request_event_pkey" primary key ("id"));`);
    this.addSql(`create index "return_request_event_shop_id_return_request_id_index" on "return_request_event" ("shop_id", "return_request_id");`);
    this.addSql(`alter table "return_request_event" add constraint "return_request_event_return_request_id_status_unique" unique ("return_request_id", "status");`);

    this.addSql(`create table "refund" ("id" uuid not null, "shop_id" uuid not null, "order_id" uuid not null, "return_request_id" uuid null, "idempotency_key" varchar(200) not null, "amount_cents" int not null, "currency" varchar(3) not null, "provider" varchar(50) not null, "provider_reference" varchar(200) not null, "created_at" timestamptz not null, constraint "refund_pkey" primary key ("id"));`);
    this.addSql(`alter table "refund" add constraint "refund_return_request_id_unique" unique ("return_request_id");`);
    this.addSql(`create index "refund_shop_id_order_id_index" on "refund" ("shop_id", "order_id");`);
    this.addSql(`alter table "refund" add constraint "refund_shop_id_idempotency_key_unique" unique ("shop_id", "idempotency_key");`);

    this.addSql(`create table "return_request_line" ("id" uuid not null, "shop_id" uuid not null, "return_request_id" uuid not null, "order_line_id" uuid not null, "quantity" int not null, "reason" text check ("reason" in ('damaged', 'defective', 'wrong_item', 'not_as_described', 'does_not_fit', 'changed_mind', 'other')) not null, "reason_note" text null, constraint "return_request_line_pkey" primary key ("id"));`);
    this.addSql(`create index "return_request_line_shop_id_return_request_id_index" on "return_request_line" ("shop_id", "return_request_id");`);
    this.addSql(`create index "return_request_line_shop_id_order_line_id_index" on "return_request_line" ("shop_id", "order_line_id");`);
    this.addSql(`alter table "return_request_line" add constraint "return_request_line_return_request_id_order_line_id_unique" unique ("return_request_id", "order_line_id");`);

    this.addSql(`alter table "return_request" add constraint "return_request_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "return_request" add constraint "return_request_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`);
    this.addSql(`alter table "return_request" add constraint "return_request_order_id_foreign" foreign key ("order_id") references "order" ("id") on update cascade;`);

    this.addSql(`alter table "return_request_event" add constraint "return_request_event_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "return_request_event" add constraint "return_request_event_return_request_id_foreign" foreign key ("return_request_id") references "return_request" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "refund" add constraint "refund_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "refund" add constraint "refund_order_id_foreign" foreign key ("order_id") references "order" ("id") on update cascade;`);
    this.addSql(`alter table "refund" add constraint "refund_return_request_id_foreign" foreign key ("return_request_id") references "return_request" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "return_request_line" add constraint "return_request_line_shop_id_foreign" foreign key ("shop_id") references "shop" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "return_request_line" add constraint "return_request_line_return_request_id_foreign" foreign key ("return_request_id") references "return_request" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "return_request_line" add constraint "return_request_line_order_line_id_foreign" foreign key ("order_line_id") references "order_line" ("id") on update cascade;`);

    // Hand-written: invariants the entity metadata cannot express.
    this.addSql(`alter table "return_request" add constraint "return_request_amount_non_negative" check ("amount_cents" >= 0);`);
    this.addSql(`alter table "return_request_line" add constraint "return_request_line_quantity_positive" check ("quantity" > 0);`);
    this.addSql(`alter table "refund" add constraint "refund_amount_positive" check ("amount_cents" > 0);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "return_request_event" drop constraint "return_request_event_return_request_id_foreign";`);

    this.addSql(`alter table "refund" drop constraint "refund_return_request_id_foreign";`);

    this.addSql(`alter table "return_request_line" drop constraint "return_request_line_return_request_id_foreign";`);

    this.addSql(`drop table if exists "return_request" cascade;`);

    this.addSql(`drop table if exists "return_request_event" cascade;`);

    this.addSql(`drop table if exists "refund" cascade;`);

    this.addSql(`drop table if exists "return_request_line" cascade;`);
  }

}
