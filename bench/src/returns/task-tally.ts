import type { Client } from '@temporalio/client';
import { inLanes } from '../cluster/http.js';

/** Event types and the timeout type read here (temporal.api.enums.v1). */
const WORKFLOW_TASK_STARTED = 6;
const WORKFLOW_TASK_TIMED_OUT = 8;
const MARKER_RECORDED = 25;
const SCHEDULE_TO_START = 2;

export interface TaskTally {
  runs: number;
  /** Workflow tasks started per run. */
  tasks: number;
  /** Workflow tasks that waited on the worker's sticky queue past its timeout and were sent to the normal queue (a replay). */
  stickyTimeouts: number;
  /** Workflow tasks that started and did not complete in time (heartbeats of long local steps, dead workers). */
  startedTimeouts: number;
  /** Markers per run: local steps and patches. */
  markers: number;
}

/**
 * What the server did for each run of a task queue's workflows, read off
 * their histories: how many workflow tasks, and how many timed out. A
 * workflow task that times out on the sticky queue goes back to the normal
 * queue and is replayed from the start, so a backlog costs more than its wait.
 */
export async function tallyWorkflowTasks(client: Client, taskQueue: string, sample: number): Promise<TaskTally> {
  const ids: string[] = [];
  for await (const run of client.workflow.list({ query: `TaskQueue = '${taskQueue}'` })) {
    ids.push(run.workflowId);
    if (ids.length >= sample) break;
  }
  const tally: TaskTally = { runs: ids.length, tasks: 0, stickyTimeouts: 0, startedTimeouts: 0, markers: 0 };
  await inLanes(ids, 8, async (id) => {
    const { events } = await client.workflow.getHandle(id).fetchHistory();
    for (const e of events ?? []) {
      const type = Number(e.eventType);
      if (type === WORKFLOW_TASK_STARTED) tally.tasks++;
      else if (type === MARKER_RECORDED) tally.markers++;
      else if (type === WORKFLOW_TASK_TIMED_OUT) {
        if (Number(e.workflowTaskTimedOutEventAttributes?.timeoutType) === SCHEDULE_TO_START) tally.stickyTimeouts++;
        else tally.startedTimeouts++;
      }
    }
  });
  return tally;
}

/** "2.0 workflow tasks per run (timed out on the sticky queue: 0.43, after starting: 0.00), 6.0 markers" */
export function describeTally(t: TaskTally): string {
  const per = (n: number) => (n / Math.max(1, t.runs)).toFixed(2);
  return `${per(t.tasks)} workflow tasks per run (timed out waiting on the sticky queue: ${per(t.stickyTimeouts)}, after starting: ${per(t.startedTimeouts)}), ${per(t.markers)} markers; ${t.runs} runs read`;
}
