import type { PageInput } from '@cartly/contracts';
import type { ReturnRequestDto } from '@cartly/contracts/returns';
import {
  readRows, ReturnRequest,
  type EntityManager, type IReturnRequest, type Reader, type ReturnActor, type ReturnLineReason, type ReturnRejectReason, type ReturnStatus,
} from '@cartly/db';
import { AppError } from '../errors.js';
import { findPage } from '../lib/pagination.js';

/** The request's own columns a DTO shows: an entity has them, and so does returnRecord() of a plain row. */
export type ReturnRecord = Pick<
  IReturnRequest,
  'id' | 'shop' | 'order' | 'customer' | 'status' | 'currency' | 'amountCents' | 'note' | 'rejectReason' | 'decisionNote'
  | 'decidedAt' | 'expiresAt' | 'createdAt' | 'updatedAt'
>;

/** The columns returnRecord() reads, for a statement's `returning` or `select` list. */
export const RETURN_RECORD_COLUMNS = `"id", "shop_id", "order_id", "customer_id", "status", "currency", "amount_cents", "note", "reject_reason",
  "decision_note", "decided_at", "expires_at", "created_at", "updated_at"`;

export interface ReturnRecordRow {
  id: string;
  shop_id: string;
  order_id: string;
  customer_id: string;
  status: ReturnStatus;
  currency: string;
  amount_cents: number;
  note: string | null;
  reject_reason: ReturnRejectReason | null;
  decision_note: string | null;
  /** timestamptz columns come back as text on the ORM's pool. */
  decided_at: string | null;
  expires_at: string;
  created_at: string;
  updated_at: string;
}

export function returnRecord(row: ReturnRecordRow): ReturnRecord {
  return {
    id: row.id, shop: row.shop_id, order: row.order_id, customer: row.customer_id, status: row.status, currency: row.currency,
    amountCents: row.amount_cents, note: row.note, rejectReason: row.reject_reason, decisionNote: row.decision_note,
    decidedAt: row.decided_at === null ? null : new Date(row.decided_at), expiresAt: new Date(row.expires_at),
    createdAt: new Date(row.created_at), updatedAt: new Date(row.updated_at),
  };
}

interface LineRow {
  id: string;
  return_request_id: string;
  order_line_id: string;
  quantity: number;
  reason: ReturnLineReason;
  reason_note: string | null;
  title: string | null;
  sku: string | null;
  unit_price_cents: number | null;
}

interface HeadRow {
  id: string;
  order_number: number | null;
  refund_id: string | null;
  refund_cents: number | null;
  refunded_at: string | null;
}

interface EventRow {
  return_request_id: string;
  status: ReturnStatus;
  from_status: ReturnStatus | null;
  actor: ReturnActor;
  note: string | null;
  created_at: string;
}

const iso = (at: string) => new Date(at).toISOString();

/**
 * DTOs of several requests of one shop in three plain statements however many
 * there are (their lines with the order lines' titles and prices; their order
 * numbers and refunds; their history). Every create, decision, list and read
 * of a return answers with these.
 */
export async function returnViews(db: Reader | EntityManager, shopId: string, requests: ReturnRecord[]): Promise<ReturnRequestDto[]> {
  if (requests.length === 0) return [];
  const ids = requests.map((r) => r.id);
  const lines = groupBy(
    await readRows<LineRow>(
      db,
      `select l.id, l.return_request_id, l.order_line_id, l.quantity, l.reason, l.reason_note, ol.title, ol.sku, ol.unit_price_cents
         from "return_request_line" l
         left join "order_line" ol on ol.id = l.order_line_id and ol.shop_id = l.shop_id
        where l.shop_id = ? and l.return_request_id = any(?)
        order by l.id asc`,
      [shopId, ids],
    ),
    (l) => l.return_request_id,
  );
  const heads = new Map(
    (await readRows<HeadRow>(
      db,
      `select r.id, o.number as order_number, f.id as refund_id, f.amount_cents as refund_cents, f.created_at as refunded_at
         from "return_request" r
         left join "order" o on o.id = r.order_id and o.shop_id = r.shop_id
         left join "refund" f on f.return_request_id = r.id and f.shop_id = r.shop_id
        where r.shop_id = ? and r.id = any(?)`,
      [shopId, ids],
    )).map((h) => [h.id, h]),
  );
  const events = groupBy(
    await readRows<EventRow>(
      db,
      `select return_request_id, status, from_status, actor, note, created_at from "return_request_event"
        where shop_id = ? and return_request_id = any(?)
        order by created_at asc, id asc`,
      [shopId, ids],
    ),
    (e) => e.return_request_id,
  );

  return requests.map((r) => {
    const head = heads.get(r.id);
    return {
      id: r.id,
      order_id: r.order,
      order_number: head?.order_number ?? 0,
      customer_id: r.customer,
      status: r.status,
      currency: r.currency,
      refund_cents: r.amountCents,
      note: r.note ?? null,
      lines: (lines.get(r.id) ?? []).map((l) => ({
        id: l.id,
        order_line_id: l.order_line_id,
        title: l.title ?? '',
        sku: l.sku ?? null,
        quantity: l.quantity,
        unit_price_cents: l.unit_price_cents ?? 0,
        reason: l.reason,
        reason_note: l.reason_note ?? null,
      })),
      decision: r.decidedAt
        ? {
            outcome: r.status === 'rejected' ? 'rejected' : 'approved',
            reason: r.rejectReason ?? null,
            note: r.decisionNote ?? null,
            decided_at: r.decidedAt.toISOString(),
          }
        : null,
      expires_at: r.expiresAt.toISOString(),
      refund: head?.refund_id ? { id: head.refund_id, amount_cents: head.refund_cents!, refunded_at: iso(head.refunded_at!) } : null,
      history: (events.get(r.id) ?? []).map((e) => ({
        status: e.status, from_status: e.from_status ?? null, actor: e.actor, note: e.note ?? null, at: iso(e.created_at),
      })),
      created_at: r.createdAt.toISOString(),
      updated_at: r.updatedAt.toISOString(),
    };
  });
}

/** Rows grouped by key, each group in the rows' order. */
function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/** The DTO of a request the caller already holds (e.g. the one it just created or decided). */
export async function returnView(db: Reader | EntityManager, request: ReturnRecord): Promise<ReturnRequestDto> {
  const [view] = await returnViews(db, request.shop, [request]);
  return view!;
}

/** One request of the shop (and, for customer routes, of that customer); anyone else's is a 404. */
export async function loadReturnView(
  em: EntityManager,
  where: { shopId: string; returnId: string; customerId?: string },
): Promise<ReturnRequestDto> {
  const request = await em.findOne(ReturnRequest, {
    id: where.returnId,
    shop: where.shopId,
    ...(where.customerId ? { customer: where.customerId } : {}),
  });
  if (!request) throw new AppError('NOT_FOUND', 'return request not found');
  return returnView(em, request);
}

/** A newest-first page of a shop's requests, filtered. */
export async function listReturnViews(
  em: EntityManager,
  shopId: string,
  filter: { customerId?: string; orderId?: string; status?: ReturnStatus },
  page: PageInput,
) {
  const { items, next_cursor } = await findPage(em, ReturnRequest, {
    shop: shopId,
    ...(filter.customerId ? { customer: filter.customerId } : {}),
    ...(filter.orderId ? { order: filter.orderId } : {}),
    ...(filter.status ? { status: filter.status } : {}),
  }, page);
  return { items: await returnViews(em, shopId, items), next_cursor };
}
