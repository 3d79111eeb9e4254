import { ApplicationFailure } from '@temporalio/common';
import { LockMode, recordReturnTransition, ReturnRequest, type IReturnRequest } from '@cartly/db';
import type { ActivityDeps } from '../activities/deps.js';
import type { RmaDecision, RmaReading, RmaSettlement, ReturnRef } from './rma-types.js';

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
 * expiry came first. Only the API records a merchant's decision (in its
 * transaction, before it signals); the workflow adopts whatever the row holds
 * and writes nothing but an expiry, so a signal sent straight to Temporal
 * never decides, and never moves money.
 */
async function settle(deps: ActivityDeps, ref: ReturnRef, intent: 'read' | 'expire'): Promise<RmaReading> {
  return deps.orm.em.fork().transactional(async (em) => {
    const request = await em.findOne(ReturnRequest, { id: ref.returnId, shop: ref.shopId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!request) return { kind: 'missing' };
    if (request.status !== 'requested') return settlementOf(request);
    if (intent === 'read') return { kind: 'undecided' };
    recordReturnTransition(em, request, 'expired', {
      actor: 'system',
      note: `no decision before ${request.expiresAt.toISOString()}`,
    });
    await em.flush();
    return { kind: 'expire' };
  });
}

/** ApplicationFailure type of the legacy RecordDecision while no decision is recorded: retried, never decided by a signal. */
const DECISION_NOT_RECORDED = 'DecisionNotRecorded';

export function settleDecisionActivities(deps: ActivityDeps) {
  return {
    /**
     * What the API recorded for this request after a signal woke the workflow:
     * a decision (or an expiry, or a missing row), or `undecided` when the row
     * is still `requested` (a raw signal: the workflow ignores it).
     */
    ReadDecision: (input: ReturnRef) => settle(deps, input, 'read'),
    /** Expires a still-undecided request, or reports the decision that beat the timer. */
    ExpireReturn: async (input: ReturnRef): Promise<RmaSettlement> => (await settle(deps, input, 'expire')) as RmaSettlement,
    /**
     * Only for runs started before ReadDecision (their history schedules this after a signal; see the
     * workflow's patch). It no longer writes the signalled decision: it adopts the recorded one, retries
     * while there is none (an old API signals just before its commit), and expires the request once due.
     */
    RecordDecision: async (input: ReturnRef & { decision: RmaDecision }): Promise<RmaSettlement> => {
      const settled = await settle(deps, input, 'read');
      if (settled.kind !== 'undecided') return settled;
      const request = await deps.orm.em.fork().findOne(ReturnRequest, { id: input.returnId, shop: input.shopId });
      if (request && request.expiresAt <= new Date()) return (await settle(deps, input, 'expire')) as RmaSettlement;
      throw ApplicationFailure.retryable('no decision is recorded for this return yet', DECISION_NOT_RECORDED);
    },
  };
}
