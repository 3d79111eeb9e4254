import { ApplicationFailure } from '@temporalio/common';
import { moveReturnStatus, poolReader, poolTransaction, readRows, type Reader, type ReturnRejectReason, type ReturnStatus } from '@cartly/db';
import type { ActivityDeps } from '../activities/deps.js';
import type { RmaDecision, RmaReading, RmaSettlement, ReturnRef } from './rma-types.js';

interface DecisionRow {
  status: ReturnStatus;
  reject_reason: ReturnRejectReason | null;
  decision_note: string | null;
  /** timestamptz comes back as text on the ORM's pool (MikroORM's type parsers). */
  expires_at: string;
}

/** What a request that has already left `requested` stands for. */
export function settlementOf(request: Pick<DecisionRow, 'status' | 'reject_reason' | 'decision_note'>): RmaSettlement {
  switch (request.status) {
    case 'rejected':
      return { kind: 'reject', reason: request.reject_reason ?? 'other', note: request.decision_note ?? null };
    case 'expired':
      return { kind: 'expire' };
    default:
      // approved, refunded, cancelled: an approval was recorded.
      return { kind: 'approve', note: request.decision_note ?? null };
  }
}

const readDecisionRow = async (db: Reader, ref: ReturnRef, lock: boolean) =>
  (await readRows<DecisionRow>(
    db,
    `select "status", "reject_reason", "decision_note", "expires_at" from "return_request" where "id" = ? and "shop_id" = ?${lock ? ' for update' : ''}`,
    [ref.returnId, ref.shopId],
  ))[0];

/**
 * The database row decides, under a row lock, which of a decision and the
 * expiry came first. Only the API records a merchant's decision (in its
 * transaction, before it signals); the workflow adopts whatever the row holds
 * and writes nothing but an expiry, so a signal sent straight to Temporal
 * never decides, and never moves money. A read after a signal needs no lock:
 * the API signals only after its commit, so the decision is there to see.
 */
async function read(db: Reader, ref: ReturnRef): Promise<RmaReading> {
  const request = await readDecisionRow(db, ref, false);
  if (!request) return { kind: 'missing' };
  return request.status === 'requested' ? { kind: 'undecided' } : settlementOf(request);
}

async function expire(deps: ActivityDeps, ref: ReturnRef): Promise<RmaSettlement> {
  return poolTransaction(deps.orm, async (tx) => {
    const request = await readDecisionRow(tx, ref, true);
    if (!request) return { kind: 'missing' };
    if (request.status !== 'requested') return settlementOf(request);
    await moveReturnStatus(tx, {
      shopId: ref.shopId, returnId: ref.returnId, from: 'requested', to: 'expired',
      actor: 'system', note: `no decision before ${new Date(request.expires_at).toISOString()}`,
    });
    return { kind: 'expire' };
  });
}

/** ApplicationFailure type of the legacy RecordDecision while no decision is recorded: retried, never decided by a signal. */
const DECISION_NOT_RECORDED = 'DecisionNotRecorded';

export function settleDecisionActivities(deps: ActivityDeps) {
  const db = poolReader(deps.orm);
  return {
    /**
     * What the API recorded for this request after a signal woke the workflow:
     * a decision (or an expiry, or a missing row), or `undecided` when the row
     * is still `requested` (a raw signal: the workflow ignores it).
     */
    ReadDecision: (input: ReturnRef) => read(db, input),
    /** Expires a still-undecided request, or reports the decision that beat the timer. */
    ExpireReturn: (input: ReturnRef) => expire(deps, input),
    /**
     * Only for runs started before ReadDecision (their history schedules this after a signal; see the
     * workflow's patch). It no longer writes the signalled decision: it adopts the recorded one, retries
     * while there is none (an old API signals just before its commit), and expires the request once due.
     */
    RecordDecision: async (input: ReturnRef & { decision: RmaDecision }): Promise<RmaSettlement> => {
      const request = await readDecisionRow(db, input, false);
      if (!request) return { kind: 'missing' };
      if (request.status !== 'requested') return settlementOf(request);
      if (new Date(request.expires_at) <= new Date()) return expire(deps, input);
      throw ApplicationFailure.retryable('no decision is recorded for this return yet', DECISION_NOT_RECORDED);
    },
  };
}
