import { Customer, Order, OrderLine, ReturnRequest, ReturnRequestLine, Shop, type EntityManager, type IReturnRequest } from '@cartly/db';

/** Everything an email about one return needs, loaded in one place. */
export interface ReturnView {
  request: IReturnRequest;
  shop: { name: string; email: string | null };
  customer: { email: string | null; name: string | null };
  orderNumber: number;
  lines: { title: string; quantity: number; reason: string }[];
}

export async function loadReturnView(em: EntityManager, ref: { returnId: string; shopId: string }): Promise<ReturnView | null> {
  const request = await em.findOne(ReturnRequest, { id: ref.returnId, shop: ref.shopId });
  if (!request) return null;
  const shop = await em.findOneOrFail(Shop, { id: ref.shopId });
  const customer = await em.findOne(Customer, { id: request.customer, shop: ref.shopId });
  const order = await em.findOneOrFail(Order, { id: request.order, shop: ref.shopId });
  const lines = await em.find(ReturnRequestLine, { shop: ref.shopId, returnRequest: request.id }, { orderBy: { id: 'asc' } });
  const titles = new Map(
    (await em.find(OrderLine, { shop: ref.shopId, id: { $in: lines.map((l) => l.orderLine) } })).map((l) => [l.id, l.title]),
  );
  const name = [customer?.firstName, customer?.lastName].filter(Boolean).join(' ');
  return {
    request,
    shop: { name: shop.name, email: shop.email ?? null },
    customer: { email: customer?.email ?? null, name: name || null },
    orderNumber: order.number,
    lines: lines.map((l) => ({ title: titles.get(l.orderLine) ?? 'item', quantity: l.quantity, reason: l.reason })),
  };
}
