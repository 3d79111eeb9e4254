import { LockMode, recordReturnTransition, ReturnRequest, type IReturnRequest } from '@cartly/db';
import type { ActivityDeps } from '../activities/deps.js';
import type { RmaDecision, RmaProposal, RmaSettlement, ReturnRef } from './rma-types.js';

/** What a request that has already left `requested` stands for. */
function settlementOf(request: IReturnRequest): RmaSettlement {
  switch (request.status) {
    case 'rejected':
      return { kind: 'reject', reason: request.rejectReason ?? 'other', note: request.decisionNote ?? null };
    case 'expired':
      return { kind: 'expire' };
    default:
      // approved, refunded, cancelled: an approval was recorded.
      return { kind: 'approve', note: request.decisionNote ?? null };
  }
}

/**
 * The database row decides, under a row lock, which of a decision and the
 * expiry came first: the API writes the merchant's decision there before it
 * signals, so the workflow adopts whatever the row already holds and only
 * writes its own proposal while the row is still `requested` (signals sent
 * straight to Temporal, or an API commit that failed after signalling).
 */
async function settle(deps: ActivityDeps, ref: ReturnRef, proposal: RmaProposal): Promise<RmaSettlement> {
  return deps.orm.em.fork().transactional(async (em) => {
    const request = await em.findOne(ReturnRequest, { id: ref.returnId, shop: ref.shopId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!request) return { kind: 'missing' };
    if (request.status !== 'requested') return settlementOf(request);
    if (proposal.kind === 'expire') {
      recordReturnTransition(em, request, 'expired', {
        actor: 'system',
        note: `no decision before ${request.expiresAt.toISOString()}`,
      });
    } else {
      request.decidedAt = new Date();
      request.decisionNote = proposal.note ?? null;
      if (proposal.kind === 'reject') request.rejectReason = proposal.reason;
      recordReturnTransition(em, request, proposal.kind === 'approve' ? 'approved' : 'rejected', {
        actor: 'merchant',
        note: proposal.note ?? null,
      });
    }
    await em.flush();
    return proposal;
  });
}

export function settleDecisionActivities(deps: ActivityDeps) {
  return {
    /** Records the decision the workflow received, or reports the one the database already holds. */
    RecordDecision: (input: ReturnRef & { decision: RmaDecision }) => settle(deps, input, input.decision),
    /** Expires a still-undecided request, or reports the decision that beat the timer. */
    ExpireReturn: (input: ReturnRef) => settle(deps, input, { kind: 'expire' }),
  };
}
