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
 * One batch of the periodic reset, as one statement: lock the next `limit`
 * locations by id, and for those whose period at `slot` (in their shop's time
 * zone) is newer than the period they count, zero the spend, move the period,
 * and write a `reset` ledger entry carrying the old spend out. Idempotent per
 * (location, period): a rerun finds `period_start` already moved, and the
 * partial unique index on reset entries would refuse a second one anyway.
 * An older slot (a late catch-up) never moves a period backwards.
 */
const RESET_BATCH_SQL = `
with due as (
  select l.id, l.shop_id, l.spent_cents, l.period_start, ${periodStartSql('?', 'l.budget_period', 's.timezone')} as period
  from company_location l join shop s on s.id = l.shop_id
  where l.id > ? order by l.id limit ? for update of l
), rolled as (
  update company_location l set spent_cents = 0, period_start = d.period, updated_at = now()
  from due d where l.id = d.id and d.period > d.period_start
  returning l.id, l.shop_id, d.period, d.spent_cents
), entries as (
  insert into company_budget_entry (id, shop_id, location_id, kind, amount_cents, period_start, order_id, created_at)
  select gen_random_uuid(), r.shop_id, r.id, 'reset', -r.spent_cents, r.period, null, now() from rolled r where r.spent_cents <> 0
  on conflict do nothing
)
select (select count(*) from due)::int as scanned, (select count(*) from rolled)::int as reset,
       (select id from due order by id desc limit 1) as last_id`;

/** Resets the next batch of locations after `afterId` whose period rolled over at `slot`. */
export async function resetBudgetBatch(
  em: EntityManager,
  opts: { slot: Date; afterId: string | null; limit: number },
): Promise<ResetBatchResult> {
  const [row] = await em.execute<{ scanned: number; reset: number; last_id: string | null }[]>(RESET_BATCH_SQL, [
    opts.slot.toISOString(),
    opts.afterId ?? NIL_UUID,
    opts.limit,
  ]);
  return { scanned: row?.scanned ?? 0, reset: row?.reset ?? 0, lastId: row?.last_id ?? null };
}
