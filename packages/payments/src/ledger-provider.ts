import { loyaltyOnRefund, poolReader, readRows, UniqueConstraintViolationException, uuidv7, type EntityManager, type MikroORM, type Reader } from '@cartly/db';
import { RefundRefusedError, type PaymentProvider, type RefundReceipt, type RefundRequest } from './provider.js';

const LEDGER_PROVIDER = 'ledger';

interface RefundRow {
  id: string;
  order_id: string;
  amount_cents: number;
  provider: string;
  provider_reference: string;
}

/** The order's row, and the refund already made under the key (its columns null when there is none). */
type LockedOrder = { paid_cents: number; refunded_cents: number; earned_points: boolean } & { [K in keyof RefundRow]: RefundRow[K] | null };

function receiptOf(refund: RefundRow, replayed: boolean): RefundReceipt {
  return {
    refundId: refund.id,
    provider: refund.provider,
    providerReference: refund.provider_reference,
    amountCents: refund.amount_cents,
    replayed,
  };
}

/**
 * The default provider: orders are paid in our own ledger (order.paid_cents),
 * so a refund is recorded against that payment, in one transaction: the refund
 * row (unique per shop + idempotency key) and order.refunded_cents (CHECKed
 * never to exceed paid_cents). The order row is locked first, so concurrent
 * refunds of one order queue up instead of racing the total. Plain statements
 * (every approved return runs this); the loyalty ledger is asked only when the
 * order earned points.
 */
export function ledgerPaymentProvider(deps: { orm: MikroORM }): PaymentProvider {
  const findByKey = async (db: Reader | EntityManager, r: RefundRequest) =>
    (await readRows<RefundRow>(
      db,
      'select "id", "order_id", "amount_cents", "provider", "provider_reference" from "refund" where "shop_id" = ? and "idempotency_key" = ?',
      [r.shopId, r.idempotencyKey],
    ))[0];

  const sameRefund = (existing: RefundRow, r: RefundRequest) => {
    if (existing.order_id !== r.orderId || existing.amount_cents !== r.amountCents) {
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
          // The order locked, with the refund this key already made (if any) in the same statement.
          const [order] = await readRows<LockedOrder>(
            em,
            `select o.paid_cents, o.refunded_cents,
                    exists (select 1 from "loyalty_ledger_entry" e where e.shop_id = o.shop_id and e.order_id = o.id and e.kind = 'earn') as earned_points,
                    f.id, f.order_id, f.amount_cents, f.provider, f.provider_reference
               from "order" o
               left join "refund" f on f.shop_id = o.shop_id and f.idempotency_key = ?
              where o.id = ? and o.shop_id = ? for update of o`,
            [r.idempotencyKey, r.orderId, r.shopId],
          );
          if (!order) throw new RefundRefusedError('order_not_found', `order ${r.orderId} not found`);
          if (order.id !== null) return sameRefund(order as RefundRow, r);
          if (order.refunded_cents + r.amountCents > order.paid_cents) {
            // A statement that waited for the lock sees the order as its holder left it but the refund table as it
            // was when it began: the holder may have been this very refund (a concurrent retry), so look again.
            const made = await findByKey(em, r);
            if (made) return sameRefund(made, r);
            throw new RefundRefusedError(
              'exceeds_payment',
              `refund of ${r.amountCents} exceeds what remains of the payment (${order.paid_cents - order.refunded_cents})`,
            );
          }
          const id = uuidv7();
          const refund: RefundRow = { id, order_id: r.orderId, amount_cents: r.amountCents, provider: LEDGER_PROVIDER, provider_reference: `ledger_${id}` };
          const refunded = order.refunded_cents + r.amountCents;
          // The refund row and the order's total in one statement (both run, or neither).
          await readRows(
            em,
            `with "recorded" as (
               insert into "refund" ("id", "shop_id", "order_id", "return_request_id", "idempotency_key", "amount_cents", "currency", "provider", "provider_reference", "created_at")
               values (?, ?, ?, ?, ?, ?, ?, ?, ?, now()))
             update "order" set "refunded_cents" = ?, "financial_status" = ? where "id" = ? and "shop_id" = ?`,
            [id, r.shopId, r.orderId, r.returnRequestId ?? null, r.idempotencyKey, r.amountCents, r.currency, LEDGER_PROVIDER, refund.provider_reference,
              refunded, refunded === order.paid_cents ? 'refunded' : 'partially_refunded', r.orderId, r.shopId],
          );
          // Points the order earned are taken back in the same transaction, once per refund.
          if (order.earned_points) await loyaltyOnRefund(em, { shopId: r.shopId, orderId: r.orderId, refundId: id });
          return receiptOf(refund, false);
        });
      } catch (e) {
        // The lock makes this unreachable for one order, but the unique key is
        // the guarantee: whoever lost the insert answers with the winner's refund.
        if (e instanceof UniqueConstraintViolationException) {
          const existing = await findByKey(poolReader(deps.orm), r);
          if (existing) return sameRefund(existing, r);
        }
        throw e;
      }
    },
  };
}
