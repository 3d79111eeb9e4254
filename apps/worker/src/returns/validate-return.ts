import {
  activeReturnQuantities, LockMode, Order, OrderLine, recordReturnTransition, Refund, ReturnRequest, ReturnRequestLine,
} from '@cartly/db';
import { returnRefundKey } from '@cartly/payments';
import type { ActivityDeps } from '../activities/deps.js';
import type { ReturnRef } from './rma-types.js';

export type Validation = { eligible: true } | { eligible: false; reason: string };

/**
 * Re-checks, at decision time, what the API checked at request time: the order
 * is still the customer's, every unit is still fulfilled and not claimed by
 * another return, and the payment still covers the refund. The return window
 * is not re-checked: the customer asked in time. Read-only, so retries are free.
 */
async function validate(deps: ActivityDeps, ref: ReturnRef): Promise<Validation> {
  const em = deps.orm.em.fork();
  const request = await em.findOne(ReturnRequest, { id: ref.returnId, shop: ref.shopId });
  if (!request) return { eligible: false, reason: 'the return request no longer exists' };
  // In a normal run ValidateReturn completes before ProcessRefund starts, so it never sees a refund. An operator's
  // `temporal workflow reset` to before this step does re-run it after the money moved: then the refund (status
  // `refunded`, or still `approved` with the refund row written) must pass, so ProcessRefund replays its key.
  if (request.status === 'refunded') return { eligible: true };
  if (request.status !== 'approved') return { eligible: false, reason: `the return request is ${request.status}` };

  const order = await em.findOne(Order, { id: request.order, shop: ref.shopId });
  if (!order || order.customer !== request.customer) return { eligible: false, reason: 'the order no longer belongs to the customer' };
  const lines = await em.find(ReturnRequestLine, { shop: ref.shopId, returnRequest: request.id });
  const orderLines = new Map(
    (await em.find(OrderLine, { shop: ref.shopId, order: order.id, id: { $in: lines.map((l) => l.orderLine) } })).map((l) => [l.id, l]),
  );
  const heldElsewhere = await activeReturnQuantities(em, { shopId: ref.shopId, orderId: order.id, excludeReturnId: request.id });
  for (const line of lines) {
    const orderLine = orderLines.get(line.orderLine);
    if (!orderLine) return { eligible: false, reason: 'an order line of the return no longer exists' };
    const returnable = orderLine.fulfilledQuantity - (heldElsewhere.get(orderLine.id) ?? 0);
    if (line.quantity > returnable) {
      return { eligible: false, reason: `only ${Math.max(0, returnable)} of "${orderLine.title}" can still be returned` };
    }
  }
  const refunded = await em.count(Refund, { shop: ref.shopId, idempotencyKey: returnRefundKey(request.id) });
  const remaining = order.paidCents - order.refundedCents;
  if (!refunded && request.amountCents > remaining) {
    return { eligible: false, reason: `only ${remaining} of the payment is left to refund, the return needs ${request.amountCents}` };
  }
  return { eligible: true };
}

/** An approval that can no longer be honoured ends as `cancelled`, with the reason in its history. */
async function cancel(deps: ActivityDeps, input: ReturnRef & { reason: string }): Promise<void> {
  await deps.orm.em.fork().transactional(async (em) => {
    const request = await em.findOne(ReturnRequest, { id: input.returnId, shop: input.shopId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!request || request.status !== 'approved') return;
    recordReturnTransition(em, request, 'cancelled', { actor: 'system', note: input.reason });
    await em.flush();
  });
}

export function validateReturnActivities(deps: ActivityDeps) {
  return {
    ValidateReturn: (ref: ReturnRef) => validate(deps, ref),
    CancelReturn: (input: ReturnRef & { reason: string }) => cancel(deps, input),
  };
}
