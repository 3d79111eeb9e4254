import type { ActivityDeps } from './deps.js';
import { settleDecisionActivities } from '../returns/settle-decision.js';
import { validateReturnActivities } from '../returns/validate-return.js';
import { notifyActivities } from '../returns/notify.js';
import { processRefundActivities } from '../returns/process-refund.js';

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
  };
}

export type RmaActivities = ReturnType<typeof createActivities>;
