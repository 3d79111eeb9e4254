// The worker's side of the returns workflow; its contract with the API is @cartly/contracts/workflows (type-only
// here: the workflow bundle cannot load package sources, and the types are all it needs).
import type { RmaDecision } from '@cartly/contracts/workflows';

export type {
  RMAWorkflowInput, RmaDecision, RmaOutcome, RmaSignalArgs, RmaState, RmaStep,
} from '@cartly/contracts/workflows';

/** What holds for a request, read (or, for an expiry, written) under its row lock; only the API records decisions. */
export type RmaSettlement = RmaDecision | { kind: 'expire' } | { kind: 'missing' };
/** A read after a signal: `undecided` when nothing is recorded yet (a signal that did not come from the API). */
export type RmaReading = RmaSettlement | { kind: 'undecided' };

export type CustomerNotice = 'refunded' | 'rejected' | 'expired' | 'cancelled';

export interface ReturnRef {
  returnId: string;
  shopId: string;
}

/** ApplicationFailure type ProcessRefund throws when the provider will never accept the refund. */
export const REFUND_REFUSED = 'RefundRefused';
