import {
  activeReturnQuantities, Fulfillment, FulfillmentLine, LockMode, Order, OrderLine, OrderRefund,
  type EntityManager, type IOrder, type ReturnLineReason,
} from '@cartly/db';
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

/**
 * What a customer may return (SPEC §9): lines of their own order, units that
 * were fulfilled within the return window, minus units already held by an
 * open or completed return. The order row is locked, so two concurrent
 * requests for the same units queue up and the second sees the first.
 *
 * Per line, returnable = units fulfilled inside the window − units already
 * in returns. Conservative on purpose: earlier returns are charged to the
 * in-window units, so a unit shipped before the window can never become
 * returnable because a newer one was returned first.
 */
export async function checkReturnable(
  em: EntityManager,
  q: { shopId: string; customerId: string; orderId: string; lines: RequestedLine[]; windowDays: number; now: Date },
): Promise<{ order: IOrder; lines: PricedLine[] }> {
  const order = await em.findOne(
    Order,
    { id: q.orderId, shop: q.shopId, customer: q.customerId },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  // Another customer's (or shop's) order is indistinguishable from a missing one.
  if (!order) throw new AppError('NOT_FOUND', 'order_id: order not found');
  // A portal refund (portal-core) gave the whole order back and restocked it: nothing is left to return.
  if (await em.count(OrderRefund, { shop: q.shopId, order: order.id })) {
    throw new AppError('BUSINESS_RULE', 'order_id: this order was already refunded, so it cannot be returned');
  }

  const orderLines = new Map((await em.find(OrderLine, { shop: q.shopId, order: order.id })).map((l) => [l.id, l]));
  const fulfillmentLines = await em.find(FulfillmentLine, { shop: q.shopId, orderLine: { $in: [...orderLines.keys()] } });
  const fulfilledAt = new Map(
    (await em.find(Fulfillment, { shop: q.shopId, order: order.id })).map((f) => [f.id, f.fulfilledAt]),
  );
  const held = await activeReturnQuantities(em, { shopId: q.shopId, orderId: order.id, now: q.now });
  const windowOpensAt = q.now.getTime() - q.windowDays * DAY_MS;

  const priced = q.lines.map((l, i): PricedLine => {
    const line = orderLines.get(l.orderLineId);
    if (!line) throw new AppError('NOT_FOUND', `lines.${i}.order_line_id: order line ${l.orderLineId} is not part of this order`);
    if (line.fulfilledQuantity === 0) {
      throw new AppError('BUSINESS_RULE', `lines.${i}.order_line_id: "${line.title}" has not been fulfilled yet, so it cannot be returned`);
    }
    const shipments = fulfillmentLines
      .filter((fl) => fl.orderLine === line.id)
      .map((fl) => ({ quantity: fl.quantity, at: fulfilledAt.get(fl.fulfillment)?.getTime() ?? 0 }));
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
    return { ...l, unitPriceCents: line.unitPriceCents };
  });
  return { order, lines: priced };
}
