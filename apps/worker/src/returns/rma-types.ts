// The worker's side of the returns workflow; its contract with the API is @cartly/contracts/workflows (type-only
// here: the workflow bundle cannot load package sources, and the types are all it needs).
import type { RmaDecision } from '@cartly/contracts/workflows';

export type {
  RMAWorkflowInput, RmaDecision, RmaOutcome, RmaSignalArgs, RmaState, RmaStep,
} from '@cartly/contracts/workflows';

/** What the workflow asks the database to settle on; the database answers with what actually holds. */
export type RmaProposal = RmaDecision | { kind: 'expire' };
export type RmaSettlement = RmaProposal | { kind: 'missing' };

export type CustomerNotice = 'refunded' | 'rejected' | 'expired' | 'cancelled';

export interface ReturnRef {
  returnId: string;
  shopId: string;
}

/** ApplicationFailure type ProcessRefund throws when the provider will never accept the refund. */
export const REFUND_REFUSED = 'RefundRefused';
