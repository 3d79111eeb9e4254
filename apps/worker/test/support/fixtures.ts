import { randomBytes } from 'node:crypto';
import { Customer, Fulfillment, FulfillmentLine, Order, OrderLine, ReturnRequest, ReturnRequestEvent, ReturnRequestLine, Shop, type MikroORM } from '@cartly/db';
import { rmaWorkflowId } from '@cartly/contracts/workflows';

/*
 * Rows as the API leaves them after a customer requested a return: a shop
 * with a notification address, a paid and fulfilled order, and a `requested`
 * return with its first history event. (The HTTP path is tested in apps/api.)
 */

export interface SeedLine {
  unitPriceCents: number;
  quantity: number;
  /** How many of the line the return asks for. */
  returnQuantity: number;
}

export interface SeededReturn {
  shopId: string;
  customerId: string;
  orderId: string;
  orderNumber: number;
  returnId: string;
  workflowId: string;
  amountCents: number;
  paidCents: number;
  customerEmail: string;
  merchantEmail: string;
}

export async function seedReturn(
  orm: MikroORM,
  opts: { lines?: SeedLine[]; decisionSeconds?: number } = {},
): Promise<SeededReturn> {
  const lines = opts.lines ?? [{ unitPriceCents: 2000, quantity: 2, returnQuantity: 2 }];
  const tag = randomBytes(4).toString('hex');
  const em = orm.em.fork();
  const merchantEmail = `merchant-${tag}@shop.example`;
  const customerEmail = `customer-${tag}@example.com`;
  const shop = em.create(Shop, { name: `Shop ${tag}`, domain: `shop-${tag}.cartly.test`, email: merchantEmail, currency: 'USD' });
  const customer = em.create(Customer, { shop: shop.id, email: customerEmail, firstName: 'Rita', lastName: 'Turner' });
  const paidCents = lines.reduce((s, l) => s + l.unitPriceCents * l.quantity, 0);
  const order = em.create(Order, {
    shop: shop.id, customer: customer.id, number: 1001, currency: 'USD',
    subtotalCents: paidCents, totalCents: paidCents, paidCents, fulfillmentStatus: 'fulfilled',
  });
  const fulfillment = em.create(Fulfillment, { shop: shop.id, order: order.id, fulfilledAt: new Date() });
  const request = em.create(ReturnRequest, {
    shop: shop.id, customer: customer.id, order: order.id, currency: 'USD',
    amountCents: lines.reduce((s, l) => s + l.unitPriceCents * l.returnQuantity, 0),
    expiresAt: new Date(Date.now() + (opts.decisionSeconds ?? 3600) * 1000),
    workflowId: '',
  });
  request.workflowId = rmaWorkflowId(request.id);
  lines.forEach((l, i) => {
    const orderLine = em.create(OrderLine, {
      shop: shop.id, order: order.id, title: `Tee ${i + 1}`, quantity: l.quantity,
      unitPriceCents: l.unitPriceCents, fulfilledQuantity: l.quantity,
    });
    em.create(FulfillmentLine, { shop: shop.id, fulfillment: fulfillment.id, orderLine: orderLine.id, quantity: l.quantity });
    em.create(ReturnRequestLine, {
      shop: shop.id, returnRequest: request.id, orderLine: orderLine.id, quantity: l.returnQuantity, reason: 'damaged',
    });
  });
  em.create(ReturnRequestEvent, { shop: shop.id, returnRequest: request.id, status: 'requested', actor: 'customer' });
  await em.flush();
  return {
    shopId: shop.id, customerId: customer.id, orderId: order.id, orderNumber: order.number,
    returnId: request.id, workflowId: request.workflowId, amountCents: request.amountCents, paidCents,
    customerEmail, merchantEmail,
  };
}
