export {
  createWorker, installTemporalRuntime, startWorker,
  type CreateWorkerOptions, type RunningWorker,
} from './worker.js';
export { loadEnv, type Env } from './env.js';
export { ensureBudgetResetSchedule, ensureSchedules, budgetResetScheduleId } from './schedules/index.js';
