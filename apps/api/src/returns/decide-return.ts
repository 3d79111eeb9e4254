import {
  LockMode, recordReturnTransition, ReturnRequest, ReturnRequestEvent, type EntityManager, type IReturnRequest, type ReturnStatus,
} from '@cartly/db';
import type { RmaDecision } from '@cartly/contracts/workflows';
import { AppError } from '../errors.js';
import type { Context } from '../context.js';
import type { TemporalGateway } from '../adapters/temporal.js';
import { signalRmaDecision } from './workflow.js';

/**
 * Records the merchant's decision, commits, then signals the workflow. The
 * row lock makes the database the arbiter: of two concurrent decisions the
 * second waits, then finds the request decided and gets 409. The workflow
 * acts only on the decision it reads back from the row, so the signal is a
 * wake-up call, sent after commit (no lock or connection held while Temporal
 * answers). If the signal's answer is lost (503), deciding again answers 409
 * and sends the wake-up once more; the workflow's expiry timer adopts the
 * recorded decision in any case.
 * Returns the decided request, so the caller can answer without reading it again.
 */
export async function decideReturn(
  tx: Pick<Context, 'em' | 'afterCommit'>,
  temporal: TemporalGateway,
  where: { shopId: string; returnId: string },
  decision: RmaDecision,
): Promise<IReturnRequest> {
  const { em } = tx;
  const request = await em.findOne(ReturnRequest, { id: where.returnId, shop: where.shopId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!request) throw new AppError('NOT_FOUND', 'return request not found');
  const now = new Date();
  const input = {
    returnId: request.id,
    shopId: where.shopId,
    decisionTimeoutSeconds: Math.max(1, Math.ceil((request.expiresAt.getTime() - now.getTime()) / 1000)),
  };
  if (request.status !== 'requested') {
    const conflict = new AppError('CONFLICT', `this return request is already ${request.status}`, { details: { status: request.status } });
    if (request.status !== 'approved' && request.status !== 'rejected') throw conflict;
    // Decided but maybe never handed over (an earlier 503): wake the workflow again, best effort, then answer 409.
    const recorded: RmaDecision = request.status === 'approved'
      ? { kind: 'approve', note: request.decisionNote ?? null }
      : { kind: 'reject', reason: request.rejectReason ?? 'other', note: request.decisionNote ?? null };
    tx.afterCommit(async () => {
      await signalRmaDecision(temporal, input, recorded, async () => undefined).catch(() => undefined);
      throw conflict;
    });
    return request;
  }
  // Past its deadline the workflow is (about to be) expiring it; a late decision must not race that.
  if (request.expiresAt <= now) {
    throw new AppError('CONFLICT', `this return request expired at ${request.expiresAt.toISOString()}`, { details: { status: 'expired' } });
  }

  request.decidedAt = now;
  request.decisionNote = decision.note ?? null;
  if (decision.kind === 'reject') request.rejectReason = decision.reason;
  recordReturnTransition(em, request, decision.kind === 'approve' ? 'approved' : 'rejected', { actor: 'merchant', note: request.decisionNote });
  await em.flush();
  const to = request.status;
  tx.afterCommit((fresh) => signalRmaDecision(temporal, input, decision, () => undoDecision(fresh, where, to)));
  return request;
}

/** Temporal refused the signal (the run is closed): the decision it would have carried is taken back. */
async function undoDecision(em: EntityManager, where: { shopId: string; returnId: string }, decided: ReturnStatus): Promise<void> {
  await em.transactional(async (tx) => {
    const request = await tx.findOne(ReturnRequest, { id: where.returnId, shop: where.shopId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (request?.status !== decided) return;
    request.status = 'requested';
    request.decidedAt = null;
    request.decisionNote = null;
    request.rejectReason = null;
    await tx.nativeDelete(ReturnRequestEvent, { returnRequest: request.id, fromStatus: 'requested', status: decided });
  });
}
