import { resetBudgetBatch } from '@cartly/db';
import type { ActivityDeps } from '../activities/deps.js';
import type { ResetBatchInput, ResetBatchOutput } from './budget-reset-types.js';

/** Activities of the companies domain; keys are the activity type names in Temporal's history. */
export function companiesActivities(deps: Pick<ActivityDeps, 'orm'>) {
  return {
    /** One batch of the budget reset: a single idempotent statement in its own transaction. */
    async ResetBudgetBatch(input: ResetBatchInput): Promise<ResetBatchOutput> {
      const em = deps.orm.em.fork();
      return em.transactional((tx) => resetBudgetBatch(tx, { slot: new Date(input.slot), afterId: input.afterId, limit: input.limit }));
    },
  };
}

export type CompaniesActivities = ReturnType<typeof companiesActivities>;
