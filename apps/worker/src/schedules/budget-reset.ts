import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client, type ScheduleOptions } from '@temporalio/client';
import { BUDGET_RESET_WORKFLOW, type BudgetResetInput } from '../companies/budget-reset-types.js';

export interface BudgetResetScheduleOptions {
  taskQueue: string;
  /** One schedule per deployment (task queue); tests use their own. */
  scheduleId?: string;
  /** Per-run tuning passed to every scheduled run. */
  input?: Pick<BudgetResetInput, 'batchSize' | 'batchesPerRun'>;
}

export const budgetResetScheduleId = (taskQueue: string) => `companies-budget-reset-${taskQueue}`;

/**
 * Every 15 minutes in UTC: periods start at local midnight of each shop's
 * time zone, and every zone's midnight falls on a quarter hour. A run that
 * finds nothing due costs one indexed scan per batch.
 */
function scheduleOptions(opts: BudgetResetScheduleOptions): ScheduleOptions {
  const scheduleId = opts.scheduleId ?? budgetResetScheduleId(opts.taskQueue);
  return {
    scheduleId,
    spec: { calendars: [{ minute: { start: 0, end: 45, step: 15 }, hour: '*', comment: 'budget periods start on a quarter hour in every time zone' }], timezone: 'UTC' },
    action: {
      type: 'startWorkflow',
      workflowType: BUDGET_RESET_WORKFLOW,
      workflowId: `${scheduleId}-run`,
      taskQueue: opts.taskQueue,
      args: [opts.input ?? {}],
    },
    policies: {
      // Never two resets at once; one that fires during a long run still runs after it.
      overlap: ScheduleOverlapPolicy.BUFFER_ONE,
      // After an outage, missed slots within a day are caught up (each one idempotent).
      catchupWindow: '1 day',
    },
  };
}

/**
 * Creates the schedule when it is absent and otherwise brings its spec,
 * action and policies up to date (keeping its paused state and notes), so
 * every worker may call it at start-up: several at once end with one schedule.
 */
export async function ensureBudgetResetSchedule(client: Client, opts: BudgetResetScheduleOptions): Promise<'created' | 'updated'> {
  const options = scheduleOptions(opts);
  try {
    await client.schedule.create(options);
    return 'created';
  } catch (e) {
    if (!(e instanceof ScheduleAlreadyRunning)) throw e;
  }
  await client.schedule.getHandle(options.scheduleId).update((previous) => ({
    spec: options.spec,
    action: options.action,
    policies: { ...previous.policies, ...options.policies },
    state: previous.state,
  }));
  return 'updated';
}
