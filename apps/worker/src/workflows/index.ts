// Entry of the workflow bundle: every function exported here is a workflow type.
export { RMAWorkflow, approveSignal, rejectSignal, statusQuery } from './rma.js';
export type {
  CustomerNotice, RMAWorkflowInput, RmaDecision, RmaOutcome, RmaSignalArgs, RmaState, RmaStep,
} from './rma-types.js';
