// Entry of the workflow bundle: every function exported here is a workflow type.
export { RMAWorkflow, approveSignal, rejectSignal, statusQuery } from './rma.js';
export type { RMAWorkflowInput, RmaDecision, RmaSignalArgs, RmaState } from './rma-types.js';
export { BudgetResetWorkflow } from '../companies/budget-reset-workflow.js';
