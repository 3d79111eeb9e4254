import type { ActivityDeps } from './deps.js';
import { settleDecisionActivities } from './rma/settle-decision.js';
import { validateReturnActivities } from './rma/validate-return.js';
import { notifyActivities } from './rma/notify.js';
import { processRefundActivities } from './rma/process-refund.js';
import { companiesActivities } from '../companies/activities.js';

export type { ActivityDeps } from './deps.js';

/**
 * Every activity the worker registers. Keys are the activity type names seen
 * in Temporal's history, so they match SPEC §9's ValidateReturn →
 * NotifyMerchant → ProcessRefund.
 */
export function createActivities(deps: ActivityDeps) {
  return {
    ...settleDecisionActivities(deps),
    ...validateReturnActivities(deps),
    ...notifyActivities(deps),
    ...processRefundActivities(deps),
    ...companiesActivities(deps),
  };
}

export type RmaActivities = ReturnType<typeof createActivities>;
