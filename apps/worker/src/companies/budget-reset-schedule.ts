import { ScheduleOverlapPolicy, type ScheduleOptions } from '@temporalio/client';
import { BUDGET_RESET_WORKFLOW, type BudgetResetInput } from './budget-reset-types.js';

export interface BudgetResetScheduleOptions {
  /** One schedule per deployment (task queue); tests and the bench use their own. */
  scheduleId?: string;
  /** Per-run tuning passed to every scheduled run. */
  input?: Pick<BudgetResetInput, 'batchSize' | 'batchesPerRun'>;
}

export const budgetResetScheduleId = (taskQueue: string) => `companies-budget-reset-${taskQueue}`;

/**
 * Every 15 minutes in UTC: periods start at local midnight of each shop's
 * time zone, and every zone's midnight falls on a quarter hour. A run that
 * finds nothing due costs one indexed scan per batch. Ensured at worker
 * start-up through SCHEDULES (schedules/index.ts).
 */
export function budgetResetSchedule(taskQueue: string, opts: BudgetResetScheduleOptions = {}): ScheduleOptions {
  const scheduleId = opts.scheduleId ?? budgetResetScheduleId(taskQueue);
  return {
    scheduleId,
    spec: { calendars: [{ minute: { start: 0, end: 45, step: 15 }, hour: '*', comment: 'budget periods start on a quarter hour in every time zone' }], timezone: 'UTC' },
    action: {
      type: 'startWorkflow',
      workflowType: BUDGET_RESET_WORKFLOW,
      workflowId: `${scheduleId}-run`,
      taskQueue,
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
