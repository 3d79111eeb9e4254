import { LockMode, loyaltyOnRefund, Order, Refund, UniqueConstraintViolationException, type IRefund, type MikroORM } from '@cartly/db';
import { RefundRefusedError, type PaymentProvider, type RefundReceipt, type RefundRequest } from './provider.js';

const LEDGER_PROVIDER = 'ledger';

function receiptOf(refund: IRefund, replayed: boolean): RefundReceipt {
  return {
    refundId: refund.id,
    provider: refund.provider,
    providerReference: refund.providerReference,
    amountCents: refund.amountCents,
    replayed,
  };
}

/**
 * The default provider: orders are paid in our own ledger (order.paid_cents),
 * so a refund is recorded against that payment, in one transaction: the refund
 * row (unique per shop + idempotency key) and order.refunded_cents (CHECKed
 * never to exceed paid_cents). The order row is locked first, so concurrent
 * refunds of one order queue up instead of racing the total.
 */
export function ledgerPaymentProvider(deps: { orm: MikroORM }): PaymentProvider {
  const findByKey = (em: ReturnType<MikroORM['em']['fork']>, r: RefundRequest) =>
    em.findOne(Refund, { shop: r.shopId, idempotencyKey: r.idempotencyKey });

  const sameRefund = (existing: IRefund, r: RefundRequest) => {
    if (existing.order !== r.orderId || existing.amountCents !== r.amountCents) {
      throw new RefundRefusedError('key_reused', `idempotency key ${r.idempotencyKey} was already used for a different refund`);
    }
    return receiptOf(existing, true);
  };

  return {
    name: LEDGER_PROVIDER,
    async refund(r) {
      if (!Number.isSafeInteger(r.amountCents) || r.amountCents <= 0) {
        throw new RefundRefusedError('invalid_amount', `refund amount must be a positive whole number of cents, got ${r.amountCents}`);
      }
      try {
        return await deps.orm.em.fork().transactional(async (em) => {
          const order = await em.findOne(Order, { id: r.orderId, shop: r.shopId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
          if (!order) throw new RefundRefusedError('order_not_found', `order ${r.orderId} not found`);
          const existing = await findByKey(em, r);
          if (existing) return sameRefund(existing, r);
          if (order.refundedCents + r.amountCents > order.paidCents) {
            throw new RefundRefusedError(
              'exceeds_payment',
              `refund of ${r.amountCents} exceeds what remains of the payment (${order.paidCents - order.refundedCents})`,
            );
          }
          const refund = em.create(Refund, {
            shop: r.shopId,
            order: r.orderId,
            returnRequest: r.returnRequestId ?? null,
            idempotencyKey: r.idempotencyKey,
            amountCents: r.amountCents,
            currency: r.currency,
            provider: LEDGER_PROVIDER,
            providerReference: '',
          });
          refund.providerReference = `ledger_${refund.id}`;
          order.refundedCents += r.amountCents;
          order.financialStatus = order.refundedCents === order.paidCents ? 'refunded' : 'partially_refunded';
          await em.flush();
          // Points the order earned are taken back in the same transaction, once per refund.
          await loyaltyOnRefund(em, { shopId: r.shopId, orderId: r.orderId, refundId: refund.id });
          return receiptOf(refund, false);
        });
      } catch (e) {
        // The lock makes this unreachable for one order, but the unique key is
        // the guarantee: whoever lost the insert answers with the winner's refund.
        if (e instanceof UniqueConstraintViolationException) {
          const existing = await findByKey(deps.orm.em.fork(), r);
          if (existing) return sameRefund(existing, r);
        }
        throw e;
      }
    },
  };
}
