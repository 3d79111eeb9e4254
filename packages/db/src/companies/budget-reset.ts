import type { EntityManager } from '@mikro-orm/postgresql';
import { periodStartSql } from './periods.js';

export interface ResetBatchResult {
  /** Locations looked at in this batch (0: the scan is over). */
  scanned: number;
  /** Of those, locations whose period rolled over and were reset now. */
  reset: number;
  /** Keyset cursor: the last location id of the batch, or null when none was left. */
  lastId: string | null;
}

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/*
 * One batch of the periodic reset, as one statement: take the next `limit`
 * locations by id, and for those whose period at `slot` (in their shop's time
 * zone) is newer than the period they count, zero the spend, move the period,
 * and write a `reset` ledger entry carrying the old spend out.
 *
 * No explicit row lock (locking 10k rows first would write each one twice):
 * the UPDATE is conditional on the row still holding the period and spend
 * read a moment earlier, a condition PostgreSQL re-checks against the latest
 * row version when a concurrent charge got there first. Such a row is left
 * for the next run (the API rolls a due location over itself at its next
 * charge, and never shows the old spend), so the entry written always carries
 * exactly the spend that was zeroed. Idempotent per (location, period): a
 * rerun finds `period_start` already moved, and the partial unique index on
 * reset entries would refuse a second one anyway. An older slot (a late
 * catch-up) never moves a period backwards.
 */
const RESET_BATCH_SQL = `
with batch as (
  select l.id, l.shop_id, l.spent_cents, l.period_start, ${periodStartSql('?', 'l.budget_period', 's.timezone')} as period
  from company_location l join shop s on s.id = l.shop_id
  where l.id > ? order by l.id limit ?
), rolled as (
  update company_location l set spent_cents = 0, period_start = b.period, updated_at = now()
  from batch b
  -- The id range lets the update walk the primary key instead of scanning the table per batch.
  where l.id > ? and l.id <= (select max(id::text)::uuid from batch) and l.id = b.id and b.period > b.period_start and l.period_start = b.period_start and l.spent_cents = b.spent_cents
  returning l.id, l.shop_id, b.period, b.spent_cents
), entries as (
  insert into company_budget_entry (id, shop_id, location_id, kind, amount_cents, period_start, order_id, created_at)
  select gen_random_uuid(), r.shop_id, r.id, 'reset', -r.spent_cents, r.period, null, now() from rolled r where r.spent_cents <> 0
  on conflict do nothing
)
select (select count(*) from batch)::int as scanned, (select count(*) from rolled)::int as reset,
       (select id from batch order by id desc limit 1) as last_id`;

/** Resets the next batch of locations after `afterId` whose period rolled over at `slot`. */
export async function resetBudgetBatch(
  em: EntityManager,
  opts: { slot: Date; afterId: string | null; limit: number },
): Promise<ResetBatchResult> {
  const [row] = await em.execute<{ scanned: number; reset: number; last_id: string | null }[]>(RESET_BATCH_SQL, [
    opts.slot.toISOString(),
    opts.afterId ?? NIL_UUID,
    opts.limit,
    opts.afterId ?? NIL_UUID,
  ]);
  return { scanned: row?.scanned ?? 0, reset: row?.reset ?? 0, lastId: row?.last_id ?? null };
}
