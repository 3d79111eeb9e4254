import type { Client } from '@temporalio/client';
import { ensureBudgetResetSchedule } from './budget-reset.js';

export { ensureBudgetResetSchedule, budgetResetScheduleId, type BudgetResetScheduleOptions } from './budget-reset.js';

/** Every schedule the worker keeps; called at start-up (idempotent). */
export async function ensureSchedules(client: Client, opts: { taskQueue: string }): Promise<void> {
  await ensureBudgetResetSchedule(client, { taskQueue: opts.taskQueue });
}
