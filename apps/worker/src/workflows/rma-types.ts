// Shared by RMAWorkflow, its activities and (type-only) the API. No runtime imports: the workflow bundle includes it.
import type { ReturnRejectReason, ReturnStatus } from '@cartly/db';

export interface RMAWorkflowInput {
  returnId: string;
  shopId: string;
  /** How long the request waits for a merchant decision before it expires. */
  decisionTimeoutSeconds: number;
}

/** Signal name → its one argument. The API sends these by name. */
export interface RmaSignalArgs {
  approve: { note?: string | null };
  reject: { reason: ReturnRejectReason; note?: string | null };
}

/** A decision is a signal name with its argument: one shape for the API, the workflow and RecordDecision. */
export type RmaDecision = { [K in keyof RmaSignalArgs]: { kind: K } & RmaSignalArgs[K] }[keyof RmaSignalArgs];

/** What the workflow asks the database to settle on; the database answers with what actually holds. */
export type RmaProposal = RmaDecision | { kind: 'expire' };
export type RmaSettlement = RmaProposal | { kind: 'missing' };

/** How a workflow run ended. `abandoned`: its request was never committed (see the API's create-return). */
export type RmaOutcome = 'refunded' | 'rejected' | 'expired' | 'cancelled' | 'abandoned';

export type RmaStep =
  | 'awaiting_decision'
  | 'settling_decision'
  | 'validating'
  | 'notifying_merchant'
  | 'refunding'
  | 'notifying_customer'
  | 'done';

/** Answer of the `status` query. */
export interface RmaState {
  status: ReturnStatus | 'abandoned';
  step: RmaStep;
  decision: RmaProposal['kind'] | null;
  refundId: string | null;
}

export type CustomerNotice = 'refunded' | 'rejected' | 'expired' | 'cancelled';

export interface ReturnRef {
  returnId: string;
  shopId: string;
}

/** ApplicationFailure type ProcessRefund throws when the provider will never accept the refund. */
export const REFUND_REFUSED = 'RefundRefused';
