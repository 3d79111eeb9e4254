import { ApplicationFailure } from '@temporalio/common';
import { creditCompanyRefund, moveReturnStatus, poolReader, poolTransaction, readRows, type Reader, type ReturnStatus } from '@cartly/db';
import { RefundRefusedError, returnRefundKey } from '@cartly/payments';
import type { ActivityDeps } from '../activities/deps.js';
import { REFUND_REFUSED, type ReturnRef } from './rma-types.js';
import { whileHeartbeating } from '../lib/heartbeat.js';

/**
 * Refunds an approved return exactly once. The idempotency key is derived from
 * the return id and handed to the provider, and the refund table holds it
 * under a unique constraint; so a retried attempt, a duplicate approval or a
 * worker that died after the money moved all end with the one refund there is.
 * The status moves to `refunded` only after the provider answered. A $0 return
 * (free items) has no money to move: providers refuse 0 and the refund table
 * CHECKs amount > 0, so it is marked `refunded` without a provider call or row.
 */
interface RequestRow {
  id: string;
  status: ReturnStatus;
  order_id: string;
  amount_cents: number;
  currency: string;
}

const readRequest = async (db: Reader, ref: ReturnRef, lock = false) =>
  (await readRows<RequestRow>(
    db,
    `select "id", "status", "order_id", "amount_cents", "currency" from "return_request" where "id" = ? and "shop_id" = ?${lock ? ' for update' : ''}`,
    [ref.returnId, ref.shopId],
  ))[0];

async function processRefund(deps: ActivityDeps, db: Reader, ref: ReturnRef): Promise<{ refundId: string | null }> {
  const request = await readRequest(db, ref);
  if (!request) throw ApplicationFailure.nonRetryable(`return request ${ref.returnId} not found`, 'ReturnNotFound');
  if (request.status !== 'approved' && request.status !== 'refunded') {
    throw ApplicationFailure.nonRetryable(`return request ${ref.returnId} is ${request.status}, not approved`, 'ReturnNotApproved');
  }
  if (request.amount_cents === 0) {
    await markRefunded(deps, ref, `nothing to refund (0 ${request.currency})`);
    return { refundId: null };
  }
  let receipt;
  try {
    receipt = await whileHeartbeating(
      deps.payments.refund({
        shopId: ref.shopId,
        orderId: request.order_id,
        returnRequestId: request.id,
        amountCents: request.amount_cents,
        currency: request.currency,
        idempotencyKey: returnRefundKey(request.id),
      }),
    );
  } catch (e) {
    if (e instanceof RefundRefusedError) throw ApplicationFailure.nonRetryable(e.message, REFUND_REFUSED, e.refusal);
    throw e;
  }
  await markRefunded(deps, ref, `refunded ${receipt.amountCents} ${request.currency} (${receipt.provider} ${receipt.providerReference})`);
  return { refundId: receipt.refundId };
}

/** Status `refunded` with its event, and a company order's budget credit, in one transaction (plain statements). */
async function markRefunded(deps: ActivityDeps, ref: ReturnRef, note: string): Promise<void> {
  await poolTransaction(deps.orm, async (tx) => {
    const locked = await readRequest(tx, ref, true);
    if (!locked) throw new Error(`return request ${ref.returnId} disappeared before it was marked refunded`);
    await moveReturnStatus(tx, { shopId: ref.shopId, returnId: ref.returnId, from: locked.status, to: 'refunded', actor: 'system', note });
    // A company order's location gets the refunded amount back, once (keyed like the refund itself).
    await creditCompanyRefund(tx, { shopId: ref.shopId, orderId: locked.order_id, amountCents: locked.amount_cents, idempotencyKey: returnRefundKey(locked.id) });
  });
}

export function processRefundActivities(deps: ActivityDeps) {
  const db = poolReader(deps.orm);
  return { ProcessRefund: (ref: ReturnRef) => processRefund(deps, db, ref) };
}
