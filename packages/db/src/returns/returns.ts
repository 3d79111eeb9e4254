import { defineEntity, p, type EntityManager, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn, updatedAtColumn } from '../lib/columns.js';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/postgresql';
import { readRows, type Reader } from '../lib/read-rows.js';
import { uuidv7 } from '../ids.js';
import { Shop } from '../shops/shop.js';
import { Customer } from '../customers/customer.js';
import { Order, OrderLine } from '../orders/orders.js';

/*
 * Self-serve returns (SPEC §9). The RMAWorkflow in apps/worker drives a
 * request through these statuses; every change is mirrored here with one
 * event row, so the portal can show status and history without asking Temporal.
 */

export const RETURN_STATUSES = ['requested', 'approved', 'rejected', 'expired', 'refunded', 'cancelled'] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

/** Requests in these statuses hold their units: nobody can ask to return them again (a `requested` one only until it expires). */
export const ACTIVE_RETURN_STATUSES = ['requested', 'approved', 'refunded'] as const satisfies readonly ReturnStatus[];

export const RETURN_LINE_REASONS = [
  'damaged', 'defective', 'wrong_item', 'not_as_described', 'does_not_fit', 'changed_mind', 'other',
] as const;
export type ReturnLineReason = (typeof RETURN_LINE_REASONS)[number];

export const RETURN_REJECT_REASONS = ['final_sale', 'return_period_ended', 'item_not_eligible', 'other'] as const;
export type ReturnRejectReason = (typeof RETURN_REJECT_REASONS)[number];

export const RETURN_ACTORS = ['customer', 'merchant', 'system'] as const;
export type ReturnActor = (typeof RETURN_ACTORS)[number];

export const ReturnRequest = defineEntity({
  name: 'ReturnRequest',
  tableName: 'return_request',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    customer: p.manyToOne(Customer).mapToPk(),
    order: p.manyToOne(Order).mapToPk(),
    status: p.enum([...RETURN_STATUSES]).default('requested'),
    /** The customer's free-text note on the whole request. */
    note: p.text().nullable(),
    currency: p.string().length(3),
    /** What an approval refunds: the sum of quantity × unit price of the lines. */
    amountCents: p.integer(),
    rejectReason: p.enum([...RETURN_REJECT_REASONS]).nullable(),
    decisionNote: p.text().nullable(),
    decidedAt: p.datetime().nullable(),
    /** An undecided request expires at this moment (the workflow's timer). */
    expiresAt: p.datetime(),
    /** When NotifyMerchant's mail went out (once per approval, even if the workflow runs the step again). */
    merchantNotifiedAt: p.datetime().nullable(),
    /** When the customer's one notice of how the return ended went out (likewise once). */
    customerNotifiedAt: p.datetime().nullable(),
    /** Temporal workflow id, derived from the id (`rma-<id>`). */
    workflowId: p.string().length(100),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  indexes: [
    { properties: ['shop', 'customer'] },
    { properties: ['shop', 'order'] },
    { properties: ['shop', 'status'] },
  ],
});
export type IReturnRequest = InferEntity<typeof ReturnRequest>;

export const ReturnRequestLine = defineEntity({
  name: 'ReturnRequestLine',
  tableName: 'return_request_line',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    returnRequest: p.manyToOne(ReturnRequest).mapToPk().deleteRule('cascade'),
    orderLine: p.manyToOne(OrderLine).mapToPk(),
    /** Positive (CHECK in migration). */
    quantity: p.integer(),
    reason: p.enum([...RETURN_LINE_REASONS]),
    reasonNote: p.text().nullable(),
  },
  uniques: [{ properties: ['returnRequest', 'orderLine'] }],
  indexes: [{ properties: ['shop', 'returnRequest'] }, { properties: ['shop', 'orderLine'] }],
});
export type IReturnRequestLine = InferEntity<typeof ReturnRequestLine>;

/** One row per status a request entered; the unique key makes mirroring a transition idempotent. */
export const ReturnRequestEvent = defineEntity({
  name: 'ReturnRequestEvent',
  tableName: 'return_request_event',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    returnRequest: p.manyToOne(ReturnRequest).mapToPk().deleteRule('cascade'),
    fromStatus: p.enum([...RETURN_STATUSES]).nullable(),
    status: p.enum([...RETURN_STATUSES]),
    actor: p.enum([...RETURN_ACTORS]),
    note: p.text().nullable(),
    createdAt: createdAtColumn(),
  },
  uniques: [{ properties: ['returnRequest', 'status'] }],
  indexes: [{ properties: ['shop', 'returnRequest'] }],
});
export type IReturnRequestEvent = InferEntity<typeof ReturnRequestEvent>;

/**
 * Moves a request to `to` and records the event (the caller flushes). Entering
 * the status it is already in does nothing, so retried writers are harmless.
 */
export function recordReturnTransition(
  em: EntityManager,
  request: IReturnRequest,
  to: ReturnStatus,
  opts: { actor: ReturnActor; note?: string | null },
): void {
  if (request.status === to) return;
  const from = request.status;
  request.status = to;
  em.create(ReturnRequestEvent, {
    shop: request.shop,
    returnRequest: request.id,
    fromStatus: from,
    status: to,
    actor: opts.actor,
    note: opts.note ?? null,
  });
}

/**
 * recordReturnTransition in one plain statement, for writers on a Reader (a
 * poolTransaction's): moves the request from `from` to `to` and records the
 * event. A request no longer in `from` is left alone, so a retried writer is harmless.
 * Returns whether it moved.
 */
export async function moveReturnStatus(
  db: Reader,
  r: { shopId: string; returnId: string; from: ReturnStatus; to: ReturnStatus; actor: ReturnActor; note?: string | null },
): Promise<boolean> {
  if (r.from === r.to) return false;
  const moved = await readRows<{ id: string }>(
    db,
    `with moved as (
       update "return_request" set "status" = ?, "updated_at" = now() where "id" = ? and "shop_id" = ? and "status" = ? returning "id", "shop_id")
     insert into "return_request_event" ("id", "shop_id", "return_request_id", "from_status", "status", "actor", "note", "created_at")
     select ?, "shop_id", "id", ?, ?, ?, ?, now() from moved returning "id"`,
    [r.to, r.returnId, r.shopId, r.from, uuidv7(), r.from, r.to, r.actor, r.note ?? null],
  );
  return moved.length > 0;
}

/** Statuses whose requests hold their units outright (a `requested` one holds them only until it expires). */
const DECIDED_ACTIVE_STATUSES = ACTIVE_RETURN_STATUSES.filter((s) => s !== 'requested');
/** Stands for "leave none out": no request has the nil uuid. */
const NO_REQUEST = '00000000-0000-0000-0000-000000000000';

/**
 * The condition under which the return request aliased `alias` holds its
 * units, with its two values, for a statement that folds the rule into a
 * larger one (ValidateReturn's). A `requested` row past its deadline holds
 * nothing: it can no longer be decided (the API refuses late decisions), and
 * if its workflow is gone nobody would ever move it to `expired`, so counting
 * it would lock the units forever.
 */
export function holdsUnitsSql(alias: string, now: Date = new Date()): { sql: string; params: unknown[] } {
  return {
    sql: `(${alias}.status = any(?) or (${alias}.status = 'requested' and ${alias}.expires_at > ?))`,
    params: [DECIDED_ACTIVE_STATUSES, now],
  };
}

/**
 * Units of each order line of `orderId` held by active return requests
 * (holdsUnitsSql), optionally leaving one request out (the one being
 * re-validated). One plain statement (every return request asks).
 */
export async function activeReturnQuantities(
  db: Reader | SqlEntityManager,
  where: { shopId: string; orderId: string; excludeReturnId?: string; now?: Date },
): Promise<Map<string, number>> {
  const holds = holdsUnitsSql('r', where.now);
  const rows = await readRows<{ order_line_id: string; held: number }>(
    db,
    `select l.order_line_id, sum(l.quantity)::int as held
       from "return_request" r
       join "return_request_line" l on l.shop_id = r.shop_id and l.return_request_id = r.id
      where r.shop_id = ? and r.order_id = ? and r.id <> ? and ${holds.sql}
      group by l.order_line_id`,
    [where.shopId, where.orderId, where.excludeReturnId ?? NO_REQUEST, ...holds.params],
  );
  return new Map(rows.map((r) => [r.order_line_id, r.held]));
}
