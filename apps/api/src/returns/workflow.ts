import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/client';
// The workflow's contract (STYLE 7): the API starts and signals it by name and never loads worker code.
import {
  RMA_WORKFLOW_TYPE, rmaWorkflowId, type RMAWorkflowInput, type RmaDecision, type RmaOutcome, type RmaSignalArgs,
} from '@cartly/contracts/workflows';
import { AppError } from '../errors.js';
import { TemporalUnavailable, type TemporalGateway } from '../adapters/temporal.js';

type RMAWorkflow = (input: RMAWorkflowInput) => Promise<RmaOutcome>;

/** What a failed call after commit means for the client, and how to take back the commit when it surely did nothing. */
interface AfterCommitCall {
  /** Temporal may have applied it (deadline, unreachable): 503 with this message, the commit stands. */
  ambiguous: string;
  /** Temporal refused it: the commit is undone, then 500 with this message. */
  refused: string;
  undo: () => Promise<void>;
}

/** Runs one Temporal call after the request's commit and maps its failure (see AfterCommitCall). */
async function temporalCall(temporal: TemporalGateway, on: AfterCommitCall, call: Parameters<TemporalGateway['call']>[0]): Promise<void> {
  try {
    await temporal.call(call);
  } catch (e) {
    if (e instanceof TemporalUnavailable) throw new AppError('UNAVAILABLE', on.ambiguous, { cause: e });
    await on.undo();
    throw new AppError('INTERNAL', on.refused, { cause: e });
  }
}

/**
 * Starts the return's workflow. The id is the return's, so a start that is
 * repeated finds the run already there and changes nothing; a second run for
 * one return never exists.
 */
export async function startRmaWorkflow(temporal: TemporalGateway, input: RMAWorkflowInput, undo: () => Promise<void>): Promise<void> {
  const on = {
    ambiguous: 'the return request was saved, but starting it may not have completed; refresh your returns',
    refused: 'returns cannot be started right now; nothing was saved, please try again',
    undo,
  };
  await temporalCall(temporal, on, async (client) => {
    try {
      await client.workflow.start<RMAWorkflow>(RMA_WORKFLOW_TYPE, {
        taskQueue: temporal.taskQueue,
        workflowId: rmaWorkflowId(input.returnId),
        args: [input],
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      });
    } catch (e) {
      if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
    }
  });
}

/**
 * Tells the workflow a decision is recorded. The signal only wakes it: the
 * workflow acts on the decision it reads from the database, never on the
 * signal's content. signalWithStart, so a workflow that never started (an
 * ambiguous create, a restored backup) starts now with the decision already
 * recorded; one that already closed is never restarted (REJECT_DUPLICATE).
 */
export async function signalRmaDecision(
  temporal: TemporalGateway,
  input: RMAWorkflowInput,
  decision: RmaDecision,
  undo: () => Promise<void>,
): Promise<void> {
  // The decision's kind is the signal's name, the rest its argument.
  const { kind, ...args } = decision;
  const on = {
    ambiguous: 'the decision was saved, but handing it to the return workflow may not have completed; refresh the return',
    refused: 'the return could not be updated right now; nothing was changed, please try again',
    undo,
  };
  await temporalCall(temporal, on, (client) =>
    client.workflow.signalWithStart<RMAWorkflow, [RmaSignalArgs[typeof kind]]>(RMA_WORKFLOW_TYPE, {
      taskQueue: temporal.taskQueue,
      workflowId: rmaWorkflowId(input.returnId),
      args: [input],
      signal: kind,
      signalArgs: [args as RmaSignalArgs[typeof kind]],
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    }).then(() => undefined),
  );
}
