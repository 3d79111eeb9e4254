import { LockMode, recordReturnTransition, ReturnRequest, type EntityManager, type IReturnRequest } from '@cartly/db';
import type { RmaDecision } from '@cartly/contracts/workflows';
import { AppError } from '../errors.js';
import type { TemporalGateway } from '../adapters/temporal.js';
import { signalRmaDecision } from './workflow.js';

/**
 * Records the merchant's decision and signals the workflow, in the mutation's
 * transaction. The row lock makes the database the arbiter: of two concurrent
 * decisions the second waits, then finds the request decided and gets 409.
 * The decision is written before the signal and the signal sent before
 * commit, so a failed signal rolls the decision back; and if the commit fails
 * after the signal, the workflow's RecordDecision writes the decision itself.
 * Returns the decided request, so the caller can answer without reading it again.
 */
export async function decideReturn(
  em: EntityManager,
  temporal: TemporalGateway,
  where: { shopId: string; returnId: string },
  decision: RmaDecision,
): Promise<IReturnRequest> {
  const request = await em.findOne(ReturnRequest, { id: where.returnId, shop: where.shopId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!request) throw new AppError('NOT_FOUND', 'return request not found');
  if (request.status !== 'requested') {
    throw new AppError('CONFLICT', `this return request is already ${request.status}`, { details: { status: request.status } });
  }
  const now = new Date();
  // Past its deadline the workflow is (about to be) expiring it; a late decision must not race that.
  if (request.expiresAt <= now) {
    throw new AppError('CONFLICT', `this return request expired at ${request.expiresAt.toISOString()}`, { details: { status: 'expired' } });
  }

  request.decidedAt = now;
  request.decisionNote = decision.note ?? null;
  if (decision.kind === 'reject') request.rejectReason = decision.reason;
  recordReturnTransition(em, request, decision.kind === 'approve' ? 'approved' : 'rejected', { actor: 'merchant', note: request.decisionNote });
  await em.flush();

  const input = {
    returnId: request.id,
    shopId: where.shopId,
    decisionTimeoutSeconds: Math.max(1, Math.ceil((request.expiresAt.getTime() - now.getTime()) / 1000)),
  };
  try {
    await signalRmaDecision(temporal, input, decision);
  } catch (e) {
    throw new AppError('INTERNAL', 'the return could not be updated right now; nothing was changed, please try again', { cause: e });
  }
  return request;
}
