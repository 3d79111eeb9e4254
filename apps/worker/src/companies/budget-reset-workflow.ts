import { continueAsNew, log, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { CompaniesActivities } from './activities.js';
import type { BudgetResetInput, BudgetResetTotals } from './budget-reset-types.js';

// Each batch is one idempotent statement: retry it for as long as it takes (an outage delays resets, never loses one).
const { ResetBudgetBatch } = proxyActivities<CompaniesActivities>({
  startToCloseTimeout: '2m',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m' },
});

const DEFAULT_BATCH_SIZE = 5000;
const DEFAULT_BATCHES_PER_RUN = 50;

/** The slot the schedule started this run for (the TemporalScheduledStartTime search attribute), if any. */
function scheduledSlot(): string | undefined {
  const pair = workflowInfo().typedSearchAttributes.getAll().find((p) => p.key.name === 'TemporalScheduledStartTime');
  const value = pair?.value;
  return value instanceof Date ? value.toISOString() : undefined;
}

/**
 * Resets every company location whose budget period rolled over at the
 * schedule's slot, in batches by location id, continuing as new every
 * `batchesPerRun` batches so 100k locations never make one giant history or
 * one giant transaction. The slot (not the clock) decides the period, so a
 * rerun, a retried batch or a late catch-up resets each (location, period)
 * at most once and never moves a period backwards.
 */
export async function BudgetResetWorkflow(input: BudgetResetInput = {}): Promise<BudgetResetTotals> {
  const slot = input.slot ?? scheduledSlot() ?? workflowInfo().startTime.toISOString();
  const limit = input.batchSize ?? DEFAULT_BATCH_SIZE;
  const batchesPerRun = input.batchesPerRun ?? DEFAULT_BATCHES_PER_RUN;
  const totals: BudgetResetTotals = { ...(input.totals ?? { scanned: 0, reset: 0, batches: 0, runs: 0 }) };
  totals.runs++;
  let afterId = input.afterId ?? null;
  for (let i = 0; i < batchesPerRun; i++) {
    const batch = await ResetBudgetBatch({ slot, afterId, limit });
    totals.scanned += batch.scanned;
    totals.reset += batch.reset;
    totals.batches++;
    if (batch.scanned < limit || batch.lastId === null) {
      log.info('budget reset done', { slot, ...totals });
      return totals;
    }
    afterId = batch.lastId;
  }
  return continueAsNew<typeof BudgetResetWorkflow>({ slot, afterId, batchSize: limit, batchesPerRun, totals });
}
