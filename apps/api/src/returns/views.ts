import type { PageInput } from '@cartly/contracts';
import type { ReturnRequestDto } from '@cartly/contracts/returns';
import {
  Order, OrderLine, Refund, ReturnRequest, ReturnRequestEvent, ReturnRequestLine,
  type EntityManager, type IReturnRequest, type ReturnStatus,
} from '@cartly/db';
import { AppError } from '../errors.js';
import { findPage } from '../lib/pagination.js';

/** DTOs of several requests of one shop, with a fixed number of queries however many there are. */
export async function returnViews(em: EntityManager, shopId: string, requests: IReturnRequest[]): Promise<ReturnRequestDto[]> {
  if (requests.length === 0) return [];
  const ids = requests.map((r) => r.id);
  const lines = await em.find(ReturnRequestLine, { shop: shopId, returnRequest: { $in: ids } }, { orderBy: { id: 'asc' } });
  const linesByRequest = groupBy(lines, (l) => l.returnRequest);
  const orderLines = new Map(
    (await em.find(OrderLine, { shop: shopId, id: { $in: [...new Set(lines.map((l) => l.orderLine))] } })).map((l) => [l.id, l]),
  );
  const orderNumbers = new Map(
    (await em.find(Order, { shop: shopId, id: { $in: [...new Set(requests.map((r) => r.order))] } }, { fields: ['id', 'number'] }))
      .map((o) => [o.id, o.number]),
  );
  const events = groupBy(
    await em.find(ReturnRequestEvent, { shop: shopId, returnRequest: { $in: ids } }, { orderBy: { createdAt: 'asc', id: 'asc' } }),
    (e) => e.returnRequest,
  );
  const refunds = new Map((await em.find(Refund, { shop: shopId, returnRequest: { $in: ids } })).map((r) => [r.returnRequest!, r]));

  return requests.map((r) => {
    const refund = refunds.get(r.id);
    return {
      id: r.id,
      order_id: r.order,
      order_number: orderNumbers.get(r.order) ?? 0,
      customer_id: r.customer,
      status: r.status,
      currency: r.currency,
      refund_cents: r.amountCents,
      note: r.note ?? null,
      lines: (linesByRequest.get(r.id) ?? []).map((l) => {
        const ol = orderLines.get(l.orderLine);
        return {
          id: l.id,
          order_line_id: l.orderLine,
          title: ol?.title ?? '',
          sku: ol?.sku ?? null,
          quantity: l.quantity,
          unit_price_cents: ol?.unitPriceCents ?? 0,
          reason: l.reason,
          reason_note: l.reasonNote ?? null,
        };
      }),
      decision: r.decidedAt
        ? {
            outcome: r.status === 'rejected' ? 'rejected' : 'approved',
            reason: r.rejectReason ?? null,
            note: r.decisionNote ?? null,
            decided_at: r.decidedAt.toISOString(),
          }
        : null,
      expires_at: r.expiresAt.toISOString(),
      refund: refund ? { id: refund.id, amount_cents: refund.amountCents, refunded_at: refund.createdAt.toISOString() } : null,
      history: (events.get(r.id) ?? []).map((e) => ({
        status: e.status, from_status: e.fromStatus ?? null, actor: e.actor, note: e.note ?? null, at: e.createdAt.toISOString(),
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
export async function returnView(em: EntityManager, request: IReturnRequest): Promise<ReturnRequestDto> {
  const [view] = await returnViews(em, request.shop, [request]);
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
