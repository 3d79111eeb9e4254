export {
  createWorker, installTemporalRuntime, startWorker, workflowBundle, WORKFLOWS_PATH,
  type CreateWorkerOptions, type RunningWorker,
} from './worker.js';
export { createActivities, type ActivityDeps, type RmaActivities } from './activities/index.js';
export { loadEnv, type Env } from './env.js';
