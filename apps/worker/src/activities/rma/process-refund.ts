import { ApplicationFailure } from '@temporalio/common';
import { LockMode, recordReturnTransition, ReturnRequest } from '@cartly/db';
import { RefundRefusedError, returnRefundKey, type RefundReceipt } from '@cartly/payments';
import type { ActivityDeps } from '../deps.js';
import { REFUND_REFUSED, type ReturnRef } from '../../workflows/rma-types.js';
import { whileHeartbeating } from '../heartbeat.js';

/**
 * Refunds an approved return exactly once. The idempotency key is derived from
 * the return id and handed to the provider, and the refund table holds it
 * under a unique constraint; so a retried attempt, a duplicate approval or a
 * worker that died after the money moved all end with the one refund there is.
 * The status moves to `refunded` only after the provider answered.
 */
async function processRefund(deps: ActivityDeps, ref: ReturnRef): Promise<RefundReceipt> {
  const em = deps.orm.em.fork();
  const request = await em.findOne(ReturnRequest, { id: ref.returnId, shop: ref.shopId });
  if (!request) throw ApplicationFailure.nonRetryable(`return request ${ref.returnId} not found`, 'ReturnNotFound');
  if (request.status !== 'approved' && request.status !== 'refunded') {
    throw ApplicationFailure.nonRetryable(`return request ${ref.returnId} is ${request.status}, not approved`, 'ReturnNotApproved');
  }
  let receipt: RefundReceipt;
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
  await deps.orm.em.fork().transactional(async (tx) => {
    const locked = await tx.findOneOrFail(ReturnRequest, { id: request.id, shop: ref.shopId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    recordReturnTransition(tx, locked, 'refunded', {
      actor: 'system',
      note: `refunded ${receipt.amountCents} ${request.currency} (${receipt.provider} ${receipt.providerReference})`,
    });
    await tx.flush();
  });
  return receipt;
}

export function processRefundActivities(deps: ActivityDeps) {
  return { ProcessRefund: (ref: ReturnRef) => processRefund(deps, ref) };
}
