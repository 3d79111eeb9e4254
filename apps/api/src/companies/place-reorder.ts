import {
  CompanyMembership, CompanyOrder, Order, OrderLine, Product, ProductVariant,
  type EntityManager, type ICompanyLocation, type IOrder,
} from '@cartly/db';
import { AppError } from '../errors.js';
import { createPaidOrder } from '../orders/orders.js';
import { findLocation } from './locations.js';
import { assertAffordable, chargeForOrder, rollOverIfDue } from './budget.js';
import { mayUseLocation, type CompanyAccess } from './require-b2b-role.js';

export interface UnavailableLine {
  order_line_id: string;
  title: string;
  sku: string | null;
  reason: 'variant_deleted' | 'product_unavailable';
}

export interface Reordered {
  order: IOrder;
  location: ICompanyLocation;
  chargedCents: number;
  unavailable: UnavailableLine[];
}

/** An order is the company's if it was placed for one of its locations, or by one of its members. */
async function loadCompanyOrder(em: EntityManager, shopId: string, access: CompanyAccess, orderId: string): Promise<IOrder> {
  const order = await em.findOne(Order, { id: orderId, shop: shopId });
  if (!order) throw new AppError('NOT_FOUND', 'order not found');
  const link = await em.findOne(CompanyOrder, { shop: shopId, order: order.id });
  const ours = link
    ? link.company === access.companyId && mayUseLocation(access, link.location)
    : (await em.count(CompanyMembership, { shop: shopId, company: access.companyId, customer: order.customer })) > 0;
  if (!ours) throw new AppError('NOT_FOUND', 'order not found');
  return order;
}

/**
 * Copies an earlier order of the company into a new paid order for one of
 * its locations at current prices, and charges the location's budget, all in
 * the request's transaction. Locks: the location row first (budget), then the
 * shop row (order number, inside createPaidOrder); every reorder takes them
 * in that order, and nothing that locks the shop waits on a location.
 */
export async function placeReorder(
  em: EntityManager,
  who: { shopId: string; customerId: string; access: CompanyAccess },
  input: { orderId: string; locationId: string },
  now = new Date(),
): Promise<Reordered> {
  const { shopId, access } = who;
  const source = await loadCompanyOrder(em, shopId, access, input.orderId);
  if (!mayUseLocation(access, input.locationId)) throw new AppError('NOT_FOUND', 'location not found');

  const lines = await em.find(OrderLine, { shop: shopId, order: source.id }, { orderBy: { id: 'asc' } });
  const variantIds = lines.flatMap((l) => (l.variant ? [l.variant] : []));
  const variants = variantIds.length ? await em.find(ProductVariant, { shop: shopId, id: { $in: variantIds } }) : [];
  const products = variants.length ? await em.find(Product, { shop: shopId, id: { $in: variants.map((v) => v.product) } }) : [];
  const variantById = new Map(variants.map((v) => [v.id, v]));
  const activeProducts = new Set(products.filter((p) => p.status === 'active').map((p) => p.id));

  const unavailable: UnavailableLine[] = [];
  const copy: { variantId: string; quantity: number; priceCents: number }[] = [];
  for (const l of lines) {
    const v = l.variant ? variantById.get(l.variant) : undefined;
    if (!v) unavailable.push({ order_line_id: l.id, title: l.title, sku: l.sku ?? null, reason: 'variant_deleted' });
    else if (!activeProducts.has(v.product)) unavailable.push({ order_line_id: l.id, title: l.title, sku: l.sku ?? null, reason: 'product_unavailable' });
    else copy.push({ variantId: v.id, quantity: l.quantity, priceCents: v.priceCents });
  }
  if (copy.length === 0) {
    throw new AppError('BUSINESS_RULE', 'none of the order\'s lines can be ordered again', { details: { unavailable_lines: unavailable } });
  }
  const total = copy.reduce((sum, l) => sum + l.priceCents * l.quantity, 0);

  // The lock every charge of this location queues on; checked before the order exists, charged after.
  const location = await findLocation(em, { shopId, companyId: access.companyId, locationId: input.locationId }, { lock: true });
  rollOverIfDue(em, location, access.timeZone, now);
  assertAffordable(location, total);

  const order = await createPaidOrder(em, shopId, who.customerId, copy);
  em.create(CompanyOrder, { shop: shopId, order: order.id, company: access.companyId, location: location.id, sourceOrder: source.id });
  chargeForOrder(em, location, order.totalCents, order.id);
  await em.flush();
  return { order, location, chargedCents: order.totalCents, unavailable };
}
