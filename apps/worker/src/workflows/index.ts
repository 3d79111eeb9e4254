// Entry of the workflow bundle: every function exported here is a workflow type.
export { RMAWorkflow, approveSignal, rejectSignal, statusQuery } from '../returns/rma-workflow.js';
export type { RMAWorkflowInput, RmaDecision, RmaSignalArgs, RmaState } from '../returns/rma-types.js';
