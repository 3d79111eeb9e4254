// The returns workflow's contract, imported by the API (to start and signal it by name) and by the worker
// (which implements it). No runtime imports: the workflow bundle includes this file.
import type { REJECT_REASON_VALUES, ReturnStatusValue as ReturnStatus } from '../returns/schemas.js';

type ReturnRejectReason = (typeof REJECT_REASON_VALUES)[number];

/** The workflow type name both apps use. */
export const RMA_WORKFLOW_TYPE = 'RMAWorkflow';

/** `rma-<return id>`: one workflow per return request, found again from the id alone. */
export function rmaWorkflowId(returnId: string): string {
  return `rma-${returnId}`;
}

/** The query that answers the workflow's RmaState. */
export const RMA_STATUS_QUERY = 'status';

/** The refund's idempotency key: one refund per return request, whoever retries (payments enforce it by a unique key). */
export function returnRefundKey(returnRequestId: string): string {
  return `return:${returnRequestId}`;
}

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
  decision: RmaDecision['kind'] | 'expire' | null;
  refundId: string | null;
}
