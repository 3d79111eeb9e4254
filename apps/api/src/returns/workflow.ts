import { WorkflowIdReusePolicy } from '@temporalio/client';
// The workflow's contract (STYLE 7): the API starts and signals it by name and never loads worker code.
import {
  RMA_WORKFLOW_TYPE, rmaWorkflowId, type RMAWorkflowInput, type RmaDecision, type RmaOutcome, type RmaSignalArgs,
} from '@cartly/contracts/workflows';
import type { TemporalGateway } from '../adapters/temporal.js';

type RMAWorkflow = (input: RMAWorkflowInput) => Promise<RmaOutcome>;

/** Starts the return's workflow; a second start for one return id is refused, never a second run. */
export async function startRmaWorkflow(temporal: TemporalGateway, input: RMAWorkflowInput): Promise<void> {
  const client = await temporal.client();
  await client.workflow.start<RMAWorkflow>(RMA_WORKFLOW_TYPE, {
    taskQueue: temporal.taskQueue,
    workflowId: rmaWorkflowId(input.returnId),
    args: [input],
    workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
  });
}

/**
 * Sends the merchant's decision. signalWithStart, so a workflow that Temporal
 * lost is started again with the decision already in hand; one that already
 * closed is never restarted (REJECT_DUPLICATE) and the call fails instead.
 */
export async function signalRmaDecision(temporal: TemporalGateway, input: RMAWorkflowInput, decision: RmaDecision): Promise<void> {
  // The decision's kind is the signal's name, the rest its argument.
  const { kind, ...args } = decision;
  const client = await temporal.client();
  await client.workflow.signalWithStart<RMAWorkflow, [RmaSignalArgs[typeof kind]]>(RMA_WORKFLOW_TYPE, {
    taskQueue: temporal.taskQueue,
    workflowId: rmaWorkflowId(input.returnId),
    args: [input],
    signal: kind,
    signalArgs: [args as RmaSignalArgs[typeof kind]],
    workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
  });
}
