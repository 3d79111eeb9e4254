export {
  createWorker, installTemporalRuntime, startWorker,
  type CreateWorkerOptions, type RunningWorker,
} from './worker.js';
export { loadEnv, type Env } from './env.js';
export { ensureSchedule } from './schedules/ensure-schedule.js';
export { budgetResetSchedule, budgetResetScheduleId, type BudgetResetScheduleOptions } from './companies/budget-reset-schedule.js';
export { stepsRun, type StepRun } from './lib/steps-run.js';
