import { activeReturnQuantities, readRows, type EntityManager, type Reader, type ReturnLineReason } from '@cartly/db';
import { AppError } from '../errors.js';

export interface RequestedLine {
  orderLineId: string;
  quantity: number;
  reason: ReturnLineReason;
  reasonNote: string | null;
}

export interface PricedLine extends RequestedLine {
  unitPriceCents: number;
}

const DAY_MS = 24 * 3600_000;

interface OrderLineRow {
  id: string;
  title: string;
  unit_price_cents: number;
  fulfilled_quantity: number;
  /** Each shipment of the line: its units and when its fulfilment happened (json: timestamps as ISO text). */
  shipments: { quantity: number; at: string }[];
}

/**
 * What a customer may return (SPEC §9): lines of their own order, units that
 * were fulfilled within the return window, minus units already held by an
 * open or completed return. The order row is locked, so two concurrent
 * requests for the same units queue up and the second sees the first. Plain
 * statements: the locked order, its portal refund, its lines with their
 * shipments, and the units other returns hold.
 *
 * Per line, returnable = units fulfilled inside the window − units already
 * in returns. Conservative on purpose: earlier returns are charged to the
 * in-window units, so a unit shipped before the window can never become
 * returnable because a newer one was returned first.
 */
export async function checkReturnable(
  db: Reader | EntityManager,
  q: { shopId: string; customerId: string; orderId: string; lines: RequestedLine[]; windowDays: number; now: Date },
): Promise<{ order: { id: string; currency: string }; lines: PricedLine[] }> {
  const [order] = await readRows<{ id: string; currency: string }>(
    db,
    'select "id", "currency" from "order" where "id" = ? and "shop_id" = ? and "customer_id" = ? for update',
    [q.orderId, q.shopId, q.customerId],
  );
  // Another customer's (or shop's) order is indistinguishable from a missing one.
  if (!order) throw new AppError('NOT_FOUND', 'order_id: order not found');
  // A portal refund (portal-core) gave the whole order back and restocked it: nothing is left to return.
  // Read after the lock, so a refund that committed while this request waited for it is seen.
  const [refunded] = await readRows(db, 'select 1 from "order_refund" where "shop_id" = ? and "order_id" = ? limit 1', [q.shopId, order.id]);
  if (refunded) throw new AppError('BUSINESS_RULE', 'order_id: this order was already refunded, so it cannot be returned');

  const orderLines = new Map(
    (await readRows<OrderLineRow>(
      db,
      `select ol.id, ol.title, ol.unit_price_cents, ol.fulfilled_quantity,
              coalesce((select json_agg(json_build_object('quantity', fl.quantity, 'at', f.fulfilled_at))
                          from "fulfillment_line" fl
                          join "fulfillment" f on f.id = fl.fulfillment_id and f.shop_id = fl.shop_id and f.order_id = ol.order_id
                         where fl.shop_id = ol.shop_id and fl.order_line_id = ol.id), '[]'::json) as shipments
         from "order_line" ol
        where ol.shop_id = ? and ol.order_id = ?`,
      [q.shopId, order.id],
    )).map((l) => [l.id, l]),
  );
  const held = await activeReturnQuantities(db, { shopId: q.shopId, orderId: order.id, now: q.now });
  const windowOpensAt = q.now.getTime() - q.windowDays * DAY_MS;

  const priced = q.lines.map((l, i): PricedLine => {
    const line = orderLines.get(l.orderLineId);
    if (!line) throw new AppError('NOT_FOUND', `lines.${i}.order_line_id: order line ${l.orderLineId} is not part of this order`);
    if (line.fulfilled_quantity === 0) {
      throw new AppError('BUSINESS_RULE', `lines.${i}.order_line_id: "${line.title}" has not been fulfilled yet, so it cannot be returned`);
    }
    const shipments = line.shipments.map((s) => ({ quantity: s.quantity, at: new Date(s.at).getTime() }));
    const inWindow = shipments.filter((s) => s.at >= windowOpensAt).reduce((sum, s) => sum + s.quantity, 0);
    if (inWindow === 0) {
      const closedAt = new Date(Math.max(...shipments.map((s) => s.at)) + q.windowDays * DAY_MS);
      throw new AppError(
        'BUSINESS_RULE',
        `lines.${i}.order_line_id: the ${q.windowDays}-day return window for "${line.title}" closed on ${closedAt.toISOString().slice(0, 10)}`,
        { details: { order_line_id: line.id, window_closed_at: closedAt.toISOString() } },
      );
    }
    const returnable = Math.max(0, inWindow - (held.get(line.id) ?? 0));
    if (l.quantity > returnable) {
      throw new AppError(
        'BUSINESS_RULE',
        `lines.${i}.quantity: only ${returnable} of "${line.title}" can be returned (fulfilled within the window and not already in a return)`,
        { details: { order_line_id: line.id, returnable } },
      );
    }
    return { ...l, unitPriceCents: line.unit_price_cents };
  });
  return { order, lines: priced };
}
