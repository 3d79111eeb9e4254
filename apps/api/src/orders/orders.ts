import {
  Customer, Fulfillment, FulfillmentLine, LockMode, loyaltyOnOrderFulfilled, loyaltyOnOrderPaid, Order, OrderLine, Product, ProductVariant, Shop,
  type EntityManager, type IOrder,
} from '@cartly/db';
import type { Order as OrderDto } from '@cartly/contracts/orders';
import { orderOf } from './views.js';
import { AppError } from '../errors.js';

/**
 * Loads one order of a shop (optionally of one customer) with its lines and
 * fulfilments. Another shop's or customer's order is indistinguishable from a
 * missing one.
 */
export async function loadOrder(
  em: EntityManager,
  where: { shopId: string; orderId: string; customerId?: string },
): Promise<{ order: IOrder; dto: OrderDto }> {
  const order = await em.findOne(Order, {
    id: where.orderId,
    shop: where.shopId,
    ...(where.customerId ? { customer: where.customerId } : {}),
  });
  if (!order) throw new AppError('NOT_FOUND', 'order not found');
  // Sequential on purpose: one EntityManager (and, in a transaction, one connection).
  const lines = await em.find(OrderLine, { shop: where.shopId, order: order.id }, { orderBy: { id: 'asc' } });
  const fulfillments = await em.find(Fulfillment, { shop: where.shopId, order: order.id }, { orderBy: { fulfilledAt: 'asc' } });
  const fulfillmentLines = await em.find(FulfillmentLine, { shop: where.shopId, fulfillment: { $in: fulfillments.map((f) => f.id) } });
  return { order, dto: orderOf(order, lines, fulfillments, fulfillmentLines) };
}

export interface NewOrderLine {
  variantId: string;
  quantity: number;
}

/**
 * Creates a paid order from variants of the shop. Numbers are allocated under
 * a lock on the shop row so two orders never share one.
 */
export async function createPaidOrder(em: EntityManager, shopId: string, customerId: string, lines: NewOrderLine[]): Promise<IOrder> {
  const shop = await em.findOne(Shop, { id: shopId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!shop) throw new AppError('NOT_FOUND', 'shop not found');
  const customer = await em.findOne(Customer, { id: customerId, shop: shopId });
  if (!customer) throw new AppError('NOT_FOUND', 'customer_id: no such customer');
  const variants = await em.find(ProductVariant, { shop: shopId, id: { $in: lines.map((l) => l.variantId) } });
  const byId = new Map(variants.map((v) => [v.id, v]));
  const missing = lines.find((l) => !byId.has(l.variantId));
  if (missing) throw new AppError('NOT_FOUND', `lines: no such product variant ${missing.variantId}`);
  const products = await em.find(Product, { shop: shopId, id: { $in: variants.map((v) => v.product) } });
  const productTitle = new Map(products.map((p) => [p.id, p.title]));

  const last = await em.findOne(Order, { shop: shopId }, { orderBy: { number: 'desc' }, fields: ['number'] });
  const subtotal = lines.reduce((sum, l) => sum + byId.get(l.variantId)!.priceCents * l.quantity, 0);
  if (subtotal > 2_000_000_000) throw new AppError('BUSINESS_RULE', 'lines: order total is too large');
  const order = em.create(Order, {
    shop: shopId,
    customer: customerId,
    number: (last?.number ?? 1000) + 1,
    currency: shop.currency,
    subtotalCents: subtotal,
    totalCents: subtotal,
    paidCents: subtotal,
  });
  for (const l of lines) {
    const v = byId.get(l.variantId)!;
    em.create(OrderLine, {
      shop: shopId,
      order: order.id,
      variant: v.id,
      title: `${productTitle.get(v.product) ?? ''} — ${v.title}`,
      sku: v.sku ?? null,
      quantity: l.quantity,
      unitPriceCents: v.priceCents,
    });
  }
  await em.flush();
  // Loyalty points (pending until fulfilled), in the order's transaction.
  await loyaltyOnOrderPaid(em, { shopId, orderId: order.id });
  return order;
}

/**
 * Records a shipment. The order row is locked so concurrent fulfilments of
 * the same line cannot together exceed its quantity.
 */
export async function fulfill(
  em: EntityManager,
  shopId: string,
  orderId: string,
  opts: { lines?: { orderLineId: string; quantity: number }[]; trackingNumber?: string; fulfilledAt?: Date },
): Promise<void> {
  const order = await em.findOne(Order, { id: orderId, shop: shopId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!order) throw new AppError('NOT_FOUND', 'order not found');
  const orderLines = await em.find(OrderLine, { shop: shopId, order: orderId });
  const byId = new Map(orderLines.map((l) => [l.id, l]));
  const wanted = opts.lines ?? orderLines
    .filter((l) => l.quantity > l.fulfilledQuantity)
    .map((l) => ({ orderLineId: l.id, quantity: l.quantity - l.fulfilledQuantity }));
  if (wanted.length === 0) throw new AppError('BUSINESS_RULE', 'order is already fully fulfilled');
  const seen = new Set<string>();
  for (const w of wanted) {
    const line = byId.get(w.orderLineId);
    if (!line) throw new AppError('NOT_FOUND', `lines: order line ${w.orderLineId} is not part of this order`);
    if (seen.has(w.orderLineId)) throw new AppError('VALIDATION_FAILED', `lines: order line ${w.orderLineId} is listed twice`);
    seen.add(w.orderLineId);
    if (line.fulfilledQuantity + w.quantity > line.quantity) {
      throw new AppError('BUSINESS_RULE', `lines: only ${line.quantity - line.fulfilledQuantity} of order line ${line.id} remain unfulfilled`);
    }
  }
  const fulfillment = em.create(Fulfillment, {
    shop: shopId,
    order: orderId,
    trackingNumber: opts.trackingNumber ?? null,
    fulfilledAt: opts.fulfilledAt ?? new Date(),
  });
  for (const w of wanted) {
    const line = byId.get(w.orderLineId)!;
    line.fulfilledQuantity += w.quantity;
    em.create(FulfillmentLine, { shop: shopId, fulfillment: fulfillment.id, orderLine: line.id, quantity: w.quantity });
  }
  const allDone = orderLines.every((l) => l.fulfilledQuantity >= l.quantity);
  order.fulfillmentStatus = allDone ? 'fulfilled' : 'partial';
  await em.flush();
  // A wholly fulfilled order's pending loyalty points become spendable.
  await loyaltyOnOrderFulfilled(em, { shopId, orderId });
}
