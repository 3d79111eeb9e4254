import { ApplicationFailure } from '@temporalio/common';
import { creditCompanyRefund, LockMode, recordReturnTransition, ReturnRequest } from '@cartly/db';
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
async function processRefund(deps: ActivityDeps, ref: ReturnRef): Promise<{ refundId: string | null }> {
  const em = deps.orm.em.fork();
  const request = await em.findOne(ReturnRequest, { id: ref.returnId, shop: ref.shopId });
  if (!request) throw ApplicationFailure.nonRetryable(`return request ${ref.returnId} not found`, 'ReturnNotFound');
  if (request.status !== 'approved' && request.status !== 'refunded') {
    throw ApplicationFailure.nonRetryable(`return request ${ref.returnId} is ${request.status}, not approved`, 'ReturnNotApproved');
  }
  if (request.amountCents === 0) {
    await markRefunded(deps, ref, `nothing to refund (0 ${request.currency})`);
    return { refundId: null };
  }
  let receipt;
  try {
    receipt = await whileHeartbeating(
      deps.payments.refund({
        shopId: ref.shopId,
        orderId: request.order,
        returnRequestId: request.id,
        amountCents: request.amountCents,
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

async function markRefunded(deps: ActivityDeps, ref: ReturnRef, note: string): Promise<void> {
  await deps.orm.em.fork().transactional(async (tx) => {
    const locked = await tx.findOneOrFail(ReturnRequest, { id: ref.returnId, shop: ref.shopId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    recordReturnTransition(tx, locked, 'refunded', { actor: 'system', note });
    await tx.flush();
    // A company order's location gets the refunded amount back, once (keyed like the refund itself).
    await creditCompanyRefund(tx, { shopId: ref.shopId, orderId: locked.order, amountCents: locked.amountCents, idempotencyKey: returnRefundKey(locked.id) });
  });
}

export function processRefundActivities(deps: ActivityDeps) {
  return { ProcessRefund: (ref: ReturnRef) => processRefund(deps, ref) };
}
