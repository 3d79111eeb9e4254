import {
  creditCompanyRefund, Customer, OrderRefund, orderRefundKey, PortalActivity, Shop, UniqueConstraintViolationException,
  type EntityManager, type IOrderRefund,
} from '@cartly/db';
import type { Mailer } from '@cartly/mail';
import { RefundRefusedError, type PaymentProvider, type RefundReceipt } from '@cartly/payments';
import { AppError } from '../errors.js';
import { refundBreakdown, type RefundBreakdown, type RefundPolicy } from './refund-breakdown.js';
import { restockVariants } from './restock.js';
import { orderRefundEmail } from './refund-email.js';

/**
 * A customer's self-service refund of a whole fulfilled order (README.md, "Refunds").
 *
 * The money moves first, through the payment provider, which commits on its
 * own (as an outside provider would) under the idempotency key
 * `order-refund:<order id>`: one order, one such refund, ever, and the ledger
 * keeps it and every return refund together within what was paid. Then, in
 * the request's transaction, the refund is recorded (unique per order: a
 * concurrent twin gets 409), the units restocked, a company order's budget
 * credited and the activity logged.
 * If that transaction fails after the money moved, the next call finds the
 * unrecorded ledger refund, replays the same key (moving no money) and
 * records it: the refund happens once and is recorded once.
 */
export async function refundFulfilledOrder(
  deps: { em: EntityManager; payments: PaymentProvider; mailer: Mailer },
  q: { shopId: string; customerId: string; orderId: string; expectedAmountCents?: number; policy: RefundPolicy; now: Date },
): Promise<{ refund: IOrderRefund; orderNumber: number }> {
  const { em } = deps;
  const b = await refundBreakdown(em, q, q.policy);
  if (b.ineligibleReason === 'already_refunded') {
    throw new AppError('CONFLICT', 'this order was already refunded', { details: { reason: b.ineligibleReason } });
  }
  // Money already moved for this order: finish recording it whatever the window or the policy say now.
  if (!b.unrecordedRefund) {
    if (b.ineligibleReason) {
      throw new AppError('BUSINESS_RULE', `this order cannot be refunded: ${b.ineligibleReason.replace(/_/g, ' ')}`, {
        details: { reason: b.ineligibleReason },
      });
    }
    if (q.expectedAmountCents !== undefined && q.expectedAmountCents !== b.netRefundCents) {
      throw new AppError('CONFLICT', `expected_amount_cents: the refund is now ${b.netRefundCents}, not ${q.expectedAmountCents}`, {
        details: { net_refund_cents: b.netRefundCents },
      });
    }
  }
  const amountCents = b.unrecordedRefund?.amountCents ?? b.netRefundCents;
  const receipt = await moveMoney(deps.payments, { shopId: q.shopId, orderId: b.order.id, amountCents, currency: b.order.currency });

  // Normally the breakdown's own fees. When recording an earlier attempt's refund, the fees are what the
  // amount actually left over (the settings may have changed since), so the row always adds up.
  const restockingFeeCents = Math.min(b.restockingFeeCents, b.refundableCents - amountCents);
  const refund = em.create(OrderRefund, {
    shop: q.shopId,
    order: b.order.id,
    customer: q.customerId,
    refund: receipt.refundId,
    currency: b.order.currency,
    paidCents: b.paidCents,
    alreadyRefundedCents: b.alreadyRefundedCents,
    restockingFeeCents,
    nonRefundableFeesCents: b.refundableCents - restockingFeeCents - amountCents,
    amountCents,
    restocked: b.restock,
  });
  em.create(PortalActivity, {
    shop: q.shopId,
    customer: q.customerId,
    kind: 'order_refunded',
    subjectId: b.order.id,
    data: { order_refund_id: refund.id, refund_id: receipt.refundId, amount_cents: amountCents, currency: b.order.currency },
  });
  // The unique order key decides between concurrent twins before anything else is written or sent.
  try {
    await em.flush();
  } catch (e) {
    // No `cause`: trpc.ts would re-translate a unique violation into its generic 409 message.
    if (e instanceof UniqueConstraintViolationException) throw new AppError('CONFLICT', 'this order was already refunded');
    throw e;
  }
  await restockVariants(em, q.shopId, b.restock);
  await creditCompanyRefund(em, { shopId: q.shopId, orderId: b.order.id, amountCents, idempotencyKey: orderRefundKey(b.order.id) });
  await notifyCustomer(deps, q, b, refund);
  return { refund, orderNumber: b.order.number };
}

async function moveMoney(
  payments: PaymentProvider,
  r: { shopId: string; orderId: string; amountCents: number; currency: string },
): Promise<RefundReceipt> {
  try {
    return await payments.refund({ ...r, idempotencyKey: orderRefundKey(r.orderId) });
  } catch (e) {
    if (!(e instanceof RefundRefusedError)) {
      throw new AppError('INTERNAL', 'the refund could not be made right now; nothing was refunded, please try again', { cause: e });
    }
    switch (e.refusal) {
      case 'order_not_found':
        throw new AppError('NOT_FOUND', 'order not found', { cause: e });
      case 'exceeds_payment':
        // A return was refunded between the breakdown and the provider's lock.
        throw new AppError('CONFLICT', 'the order changed while refunding; nothing was refunded, check the preview again', { cause: e });
      case 'key_reused':
        throw new AppError('CONFLICT', 'this order was already refunded', { cause: e });
      case 'invalid_amount':
        throw new AppError('BUSINESS_RULE', 'this order cannot be refunded: nothing to refund', { cause: e });
    }
  }
}

/**
 * A refund is final once the money moved, so a mail outage must not undo it:
 * the failure is logged (without the address) and the refund stands.
 */
async function notifyCustomer(
  deps: { em: EntityManager; mailer: Mailer },
  q: { shopId: string; customerId: string },
  b: RefundBreakdown,
  refund: IOrderRefund,
): Promise<void> {
  const customer = await deps.em.findOne(Customer, { id: q.customerId, shop: q.shopId }, { fields: ['email'] });
  const shop = await deps.em.findOne(Shop, { id: q.shopId }, { fields: ['name'] });
  if (!customer?.email || !shop) return;
  const message = orderRefundEmail({
    to: customer.email, shopName: shop.name, orderNumber: b.order.number, currency: refund.currency,
    amountCents: refund.amountCents, restockingFeeCents: refund.restockingFeeCents, nonRefundableFeesCents: refund.nonRefundableFeesCents,
  });
  try {
    await deps.mailer.send(message);
  } catch (e) {
    console.error(`[portal-core] refund email for order refund ${refund.id} failed:`, e instanceof Error ? e.name : 'unknown error');
  }
}
