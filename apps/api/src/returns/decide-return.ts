import { LockMode, readRows, ReturnRequest, ReturnRequestEvent, uuidv7, type EntityManager, type ReturnStatus } from '@cartly/db';
import type { RmaDecision } from '@cartly/contracts/workflows';
import { AppError } from '../errors.js';
import type { Context } from '../context.js';
import type { TemporalGateway } from '../adapters/temporal.js';
import { signalRmaDecision } from './workflow.js';
import { RETURN_RECORD_COLUMNS, returnRecord, type ReturnRecord, type ReturnRecordRow } from './views.js';

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
): Promise<ReturnRecord> {
  const { em } = tx;
  const [locked] = await readRows<ReturnRecordRow>(
    em,
    `select ${RETURN_RECORD_COLUMNS} from "return_request" where "id" = ? and "shop_id" = ? for update`,
    [where.returnId, where.shopId],
  );
  if (!locked) throw new AppError('NOT_FOUND', 'return request not found');
  const request = returnRecord(locked);
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

  // The decision and its history event in one statement, on the row locked above.
  const to: ReturnStatus = decision.kind === 'approve' ? 'approved' : 'rejected';
  const note = decision.note ?? null;
  const [decided] = await readRows<ReturnRecordRow>(
    em,
    `with decided as (
       update "return_request" set "status" = ?, "decided_at" = ?, "decision_note" = ?, "reject_reason" = ?, "updated_at" = ?
        where "id" = ? and "shop_id" = ? returning ${RETURN_RECORD_COLUMNS}),
     event as (
       insert into "return_request_event" ("id", "shop_id", "return_request_id", "from_status", "status", "actor", "note", "created_at")
       select ?, "shop_id", "id", 'requested', "status", 'merchant', ?, ? from decided)
     select * from decided`,
    [
      to, now, note, decision.kind === 'reject' ? decision.reason : request.rejectReason, now, request.id, where.shopId,
      uuidv7(), note, now,
    ],
  );
  tx.afterCommit((fresh) => signalRmaDecision(temporal, input, decision, () => undoDecision(fresh, where, to)));
  return returnRecord(decided!);
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
