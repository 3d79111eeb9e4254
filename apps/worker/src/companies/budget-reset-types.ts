/** Names and shapes the budget-reset workflow, its activity and its schedule share. */

export const BUDGET_RESET_WORKFLOW = 'BudgetResetWorkflow';

export interface BudgetResetInput {
  /** The schedule slot (ISO instant) the run resets for; read from TemporalScheduledStartTime on the first run. */
  slot?: string;
  /** Keyset cursor: continue after this location id (continue-as-new carries it). */
  afterId?: string | null;
  /** Locations per activity call (one statement, one transaction). */
  batchSize?: number;
  /** Batches per workflow run before continue-as-new keeps the history short. */
  batchesPerRun?: number;
  /** Running totals across continue-as-new. */
  totals?: BudgetResetTotals;
}

export interface BudgetResetTotals {
  scanned: number;
  reset: number;
  batches: number;
  runs: number;
}

export interface ResetBatchInput {
  slot: string;
  afterId: string | null;
  limit: number;
}

export interface ResetBatchOutput {
  scanned: number;
  reset: number;
  lastId: string | null;
}
