import { ReturnRequest, ReturnRequestEvent, ReturnRequestLine, type EntityManager, type IReturnRequest } from '@cartly/db';
import { rmaWorkflowId } from '@cartly/contracts/workflows';
import { AppError } from '../errors.js';
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
 * Creates a return request and starts its RMAWorkflow, all or nothing. Runs
 * inside the mutation's transaction: the rows are flushed (so every constraint
 * has spoken), then the workflow is started as the last step before commit.
 * - Start fails → the handler throws → the transaction rolls back: no row, no workflow.
 * - Start succeeds, commit fails (rare) → a workflow without a row. It touches
 *   the database only at a decision (impossible: nobody can see the request)
 *   or at expiry, where it finds no row and ends as `abandoned`, mailing no one.
 * Starting after commit instead would leave a visible request with no workflow
 * whenever the process died between the two steps.
 * Returns the new request, so the caller can answer without reading it again.
 */
export async function createReturnRequest(
  em: EntityManager,
  temporal: TemporalGateway,
  who: { shopId: string; customerId: string },
  input: NewReturn,
): Promise<IReturnRequest> {
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

  try {
    await startRmaWorkflow(temporal, { returnId: request.id, shopId: who.shopId, decisionTimeoutSeconds: policy.decisionSeconds });
  } catch (e) {
    throw new AppError('INTERNAL', 'returns cannot be started right now; nothing was saved, please try again', { cause: e });
  }
  return request;
}
