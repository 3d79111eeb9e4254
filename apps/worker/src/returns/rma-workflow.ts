import {
  ActivityFailure, ApplicationFailure, condition, defineQuery, defineSignal, isCancellation, log, patched, proxyActivities, proxyLocalActivities,
  setHandler, TemporalFailure,
} from '@temporalio/workflow';
import type { RmaActivities } from '../activities/index.js';
import type { RefundDone } from './process-refund.js';
import type { Validation } from './validate-return.js';
import {
  REFUND_REFUSED,
  type CustomerNotice, type RMAWorkflowInput, type RmaDecision, type RmaOutcome, type RmaReading, type RmaSettlement, type RmaSignalArgs,
  type RmaState,
} from './rma-types.js';

export const approveSignal = defineSignal<[RmaSignalArgs['approve']]>('approve' satisfies keyof RmaSignalArgs);
export const rejectSignal = defineSignal<[RmaSignalArgs['reject']]>('reject' satisfies keyof RmaSignalArgs);
export const statusQuery = defineQuery<RmaState>('status');

const retry = { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m' } as const;

// Database steps: unlimited retries (every one is idempotent), so an outage delays a return but never loses it.
const dbOptions = { startToCloseTimeout: '30s', retry } as const;
// Mail to the customer: retried for a day, then given up on (logged); the return itself goes on.
const mailOptions = { startToCloseTimeout: '1m', scheduleToCloseTimeout: '1d', retry: { ...retry, maximumInterval: '10m' } } as const;
// The merchant's notice comes before the refund (SPEC order), so it gets minutes, not a day:
// an SMTP outage must not hold back the customer's money.
const merchantMailOptions = { startToCloseTimeout: '1m', scheduleToCloseTimeout: '10m', retry: { ...retry, maximumInterval: '2m' } } as const;

/**
 * The short steps (database reads and writes, one mail each) run as local
 * activities: in the worker that runs the workflow task, recorded in its
 * completion, instead of a round trip through the server's activity queue
 * each. Retries, timeouts and at-least-once execution are the same; a worker
 * killed mid-step leaves the step to be run again by the next one. Runs
 * started before this patch keep their activity tasks (their histories have them).
 */
export const LOCAL_STEPS_PATCH = 'rma-local-steps';
const remoteSteps = {
  db: proxyActivities<RmaActivities>(dbOptions),
  mail: proxyActivities<RmaActivities>(mailOptions),
  merchantMail: proxyActivities<RmaActivities>(merchantMailOptions),
};
const localSteps = {
  db: proxyLocalActivities<RmaActivities>(dbOptions),
  mail: proxyLocalActivities<RmaActivities>(mailOptions),
  merchantMail: proxyLocalActivities<RmaActivities>(merchantMailOptions),
};

// Runs before the rma-local-refund patch: an activity task that heartbeats, so a worker that dies mid-call
// is noticed within 10 s and the call retried elsewhere.
const remotePayments = proxyActivities<RmaActivities>({ startToCloseTimeout: '5m', heartbeatTimeout: '10s', retry });
/**
 * Since this patch the refund is a local activity too, so an approval is one
 * workflow task after the signal (no activity task and no further workflow
 * task through the server). A worker that dies mid-call is noticed by the
 * workflow task's timeout (10 s) instead of a heartbeat's; a graceful stop
 * waits for the call. A workflow task that does not complete (that death, or
 * a signal that arrives as the run completes) runs its steps again: the
 * provider gets the same idempotency key and answers with the one refund
 * there is, and each mail step finds its mail recorded and sends nothing.
 */
export const LOCAL_REFUND_PATCH = 'rma-local-refund';
const localPayments = proxyLocalActivities<RmaActivities>({ startToCloseTimeout: '5m', retry });

/**
 * What a step failed with: an activity task's failure arrives as an
 * ActivityFailure around it, a local activity's as the failure itself. Not a
 * cancellation, and not a bug in this code (a plain Error fails the workflow task, to be retried).
 */
function stepFailure(e: unknown): TemporalFailure | undefined {
  if (isCancellation(e)) return undefined;
  if (e instanceof ActivityFailure) return e.cause instanceof TemporalFailure ? e.cause : e;
  return e instanceof TemporalFailure ? e : undefined;
}

const refusalOf = (e: unknown) => {
  const failure = stepFailure(e);
  return failure instanceof ApplicationFailure && failure.type === REFUND_REFUSED ? failure : undefined;
};

/** Marks runs that adopt only the recorded decision (ReadDecision); older histories replay RecordDecision. */
export const ADOPT_RECORDED_DECISION_PATCH = 'rma-adopt-recorded-decision';

/**
 * Since this patch an approval runs SPEC §9's three steps and no others: an
 * approve signal wakes the workflow straight into ValidateReturn, which reads
 * the recorded decision itself (and answers like ReadDecision when there is no
 * approval), and ProcessRefund tells the customer once the money moved. A
 * notice it could not send goes to NotifyCustomer with its own retries. Each
 * step costs the worker about 4 ms of CPU besides its own work (the SDK's
 * activation round trip; bench/README.md), as much as a short step's work.
 */
export const THREE_STEPS_PATCH = 'rma-three-steps';

/**
 * Since this patch a new run records this one marker instead of the four
 * above (each one a history event the server writes and a command the worker
 * sends, on every run): a run that has it takes every path they introduced.
 * A run started before it asks them one by one, at the same points as
 * before. Asked once, first, and kept: `patched` answers false while
 * replaying a history without its marker, and true once the run goes live.
 */
export const ONE_MARKER_PATCH = 'rma-one-marker';

/**
 * One return request (SPEC §9): waits for the merchant's decision or the
 * deadline; approve runs ValidateReturn → NotifyMerchant → ProcessRefund, and
 * the customer is told; reject and expiry tell the customer and end. A signal
 * only wakes the workflow: it then reads the decision the API recorded in the
 * database and acts on that alone, so a signal sent
 * straight to Temporal, without a recorded decision, changes nothing.
 */
export async function RMAWorkflow(input: RMAWorkflowInput): Promise<RmaOutcome> {
  const current = patched(ONE_MARKER_PATCH);
  const since = (patch: string) => current || patched(patch);
  const { db, mail, merchantMail } = since(LOCAL_STEPS_PATCH) ? localSteps : remoteSteps;
  const state: RmaState = { status: 'requested', step: 'awaiting_decision', decision: null, refundId: null };
  let signals = 0;
  // Kept for runs from before the patch, whose RecordDecision call carries the first signal's content.
  let received: RmaDecision | undefined;
  // Which step reads the decision after a wake-up; what it finds is all that counts.
  let lastSignal: RmaDecision['kind'] | undefined;
  setHandler(approveSignal, (args) => {
    signals++;
    lastSignal = 'approve';
    received ??= { kind: 'approve', note: args?.note ?? null };
  });
  setHandler(rejectSignal, (args) => {
    signals++;
    lastSignal = 'reject';
    received ??= { kind: 'reject', reason: args?.reason ?? 'other', note: args?.note ?? null };
  });
  setHandler(statusQuery, () => ({ ...state }));

  if (!(input.decisionTimeoutSeconds > 0)) {
    throw ApplicationFailure.nonRetryable('decisionTimeoutSeconds must be positive', 'InvalidWorkflowInput');
  }
  const ref = { returnId: input.returnId, shopId: input.shopId };

  // Workflow time is replayed from history, so this deadline is deterministic.
  const decideBy = Date.now() + input.decisionTimeoutSeconds * 1000;
  let settled: RmaSettlement | undefined;
  // Set when ValidateReturn read the decision (an approve signal since the rma-three-steps patch).
  let validation: Validation | undefined;
  const readDecision = async (): Promise<RmaReading> => {
    if (lastSignal !== 'approve' || !since(THREE_STEPS_PATCH)) return db.ReadDecision(ref);
    const checked = await db.ValidateReturn(ref);
    if (!checked.eligible && checked.reading) return checked.reading;
    validation = checked;
    return { kind: 'approve' };
  };
  let seen = 0;
  while (!settled) {
    const woken = await condition(() => signals > seen, Math.max(1, decideBy - Date.now()));
    seen = signals;
    state.step = 'settling_decision';
    if (!woken) {
      settled = await db.ExpireReturn(ref);
    } else if (!since(ADOPT_RECORDED_DECISION_PATCH)) {
      // A run from before the patch (its history has this call): the activity now only adopts a recorded decision.
      settled = await db.RecordDecision({ ...ref, decision: received! });
    } else {
      const reading = await readDecision();
      if (reading.kind === 'undecided') {
        log.warn('a signal arrived without a recorded decision; ignored', { returnId: input.returnId });
        state.step = 'awaiting_decision';
      } else {
        settled = reading;
      }
    }
  }
  state.decision = settled.kind === 'missing' ? null : settled.kind;

  const notifyCustomer = async (notice: CustomerNotice) => {
    state.step = 'notifying_customer';
    await bestEffort(() => mail.NotifyCustomer({ ...ref, notice }));
  };
  const cancel = async (reason: string): Promise<RmaOutcome> => {
    await db.CancelReturn({ ...ref, reason });
    state.status = 'cancelled';
    await notifyCustomer('cancelled');
    state.step = 'done';
    return 'cancelled';
  };

  switch (settled.kind) {
    case 'missing':
      // The API's transaction never committed: there is nothing to decide or tell anyone.
      state.status = 'abandoned';
      state.step = 'done';
      return 'abandoned';
    case 'expire':
    case 'reject': {
      state.status = settled.kind === 'expire' ? 'expired' : 'rejected';
      await notifyCustomer(state.status);
      state.step = 'done';
      return state.status;
    }
    case 'approve':
      break;
  }

  state.status = 'approved';
  state.step = 'validating';
  validation ??= await db.ValidateReturn(ref);
  if (!validation.eligible) return cancel(validation.reason);

  state.step = 'notifying_merchant';
  await bestEffort(() => merchantMail.NotifyMerchant(ref));

  state.step = 'refunding';
  let refund: RefundDone;
  try {
    const notifies = since(THREE_STEPS_PATCH);
    // Asked here, not at the start: a run that was waiting for its decision when this shipped refunds locally too.
    const payments = since(LOCAL_REFUND_PATCH) ? localPayments : remotePayments;
    refund = await payments.ProcessRefund(notifies ? { ...ref, notifyCustomer: true } : ref);
  } catch (e) {
    const refusal = refusalOf(e);
    if (refusal) return cancel(`the refund was refused: ${refusal.message || 'unknown reason'}`);
    throw e;
  }
  state.refundId = refund.refundId;
  state.status = 'refunded';
  if (!refund.customerNotified) await notifyCustomer('refunded');
  state.step = 'done';
  return 'refunded';
}

/** A notification that still fails after its retries is logged, not fatal. */
async function bestEffort(send: () => Promise<unknown>): Promise<void> {
  try {
    await send();
  } catch (e) {
    const failure = stepFailure(e);
    if (!failure) throw e;
    log.warn('notification gave up after retries', { error: failure.message });
  }
}
