import { ReturnRequest, ReturnRequestEvent, ReturnRequestLine, type EntityManager, type IReturnRequest } from '@cartly/db';
import { rmaWorkflowId } from '@cartly/contracts/workflows';
import type { Context } from '../context.js';
import { currentShop } from '../shops/current-shop.js';
import type { TemporalGateway } from '../adapters/temporal.js';
import { checkReturnable, type RequestedLine } from './eligibility.js';
import { returnPolicy } from './policy.js';
import { startRmaWorkflow } from './workflow.js';

export interface NewReturn {
  orderId: string;
  lines: RequestedLine[];
  note: string | null;
}

/**
 * Creates a return request, commits, then starts its RMAWorkflow: no row lock
 * or pool connection is held while Temporal answers. The workflow id is the
 * return's, so the start is idempotent.
 * - Temporal refuses the start → the rows are deleted again, 500 "nothing was saved".
 * - Start times out or Temporal is unreachable after commit → 503 ("saved, may not have started"): the
 *   request is visible as `requested`; the merchant's decision starts the
 *   workflow with it (signalWithStart in decide-return), so nothing is lost.
 * - The workflow never finds a missing row now; if it did (a run started by
 *   hand), it ends as `abandoned` and moves no money.
 * Returns the new request, so the caller can answer without reading it again.
 */
export async function createReturnRequest(
  tx: Pick<Context, 'em' | 'afterCommit'>,
  temporal: TemporalGateway,
  who: { shopId: string; customerId: string },
  input: NewReturn,
): Promise<IReturnRequest> {
  const { em } = tx;
  const shop = await currentShop(em, who.shopId);
  const policy = returnPolicy(shop.settings);
  const now = new Date();
  const { order, lines } = await checkReturnable(em, {
    shopId: who.shopId, customerId: who.customerId, orderId: input.orderId, lines: input.lines, windowDays: policy.windowDays, now,
  });

  const request = em.create(ReturnRequest, {
    shop: who.shopId,
    customer: who.customerId,
    order: order.id,
    note: input.note,
    currency: order.currency,
    amountCents: lines.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0),
    // One clock reading for both, so expires_at − created_at is exactly the shop's decision time.
    createdAt: now,
    expiresAt: new Date(now.getTime() + policy.decisionSeconds * 1000),
    workflowId: '',
  });
  request.workflowId = rmaWorkflowId(request.id);
  for (const l of lines) {
    em.create(ReturnRequestLine, {
      shop: who.shopId, returnRequest: request.id, orderLine: l.orderLineId, quantity: l.quantity, reason: l.reason, reasonNote: l.reasonNote,
    });
  }
  em.create(ReturnRequestEvent, { shop: who.shopId, returnRequest: request.id, status: 'requested', actor: 'customer' });
  await em.flush();

  const start = { returnId: request.id, shopId: who.shopId, decisionTimeoutSeconds: policy.decisionSeconds };
  // Temporal refused the start: no workflow will ever see this request, so it is taken back whole.
  const undo = (fresh: EntityManager) => () =>
    fresh.transactional(async (t) => {
      await t.nativeDelete(ReturnRequestEvent, { returnRequest: request.id });
      await t.nativeDelete(ReturnRequestLine, { returnRequest: request.id });
      await t.nativeDelete(ReturnRequest, { id: request.id, status: 'requested' });
    });
  tx.afterCommit((fresh) => startRmaWorkflow(temporal, start, undo(fresh)));
  return request;
}
