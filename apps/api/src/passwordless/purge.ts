import type { EntityManager } from '@cartly/db';

/*
 * Login state that can no longer affect anything: codes and limiter rows
 * older than the longest window (a day), used-link rows an hour past their
 * link's expiry. Deleted in bounded batches, now and then, so the tables stay
 * proportional to recent activity rather than to every identifier ever seen.
 */

const DAY_MS = 24 * 3600_000;
const BATCH = 500;
/** One request in this many also purges its shop's stale rows. */
export const PURGE_EVERY = 50;

export async function purgeStaleLoginState(em: EntityManager, shopId: string, now: Date): Promise<void> {
  const dayAgo = new Date(now.getTime() - DAY_MS);
  // The outer condition is re-checked on a row that changed while we waited for its lock,
  // so a limiter row that a concurrent request has just reused is kept.
  await em.execute(
    `delete from rate_limit_window where updated_at < ? and id in
       (select id from rate_limit_window where shop_id = ? and updated_at < ? limit ${BATCH})`,
    [dayAgo, shopId, dayAgo],
  );
  await em.execute(
    `delete from otp_code where created_at < ? and id in
       (select id from otp_code where shop_id = ? and created_at < ? limit ${BATCH})`,
    [dayAgo, shopId, dayAgo],
  );
  const hourAgo = new Date(now.getTime() - 3600_000);
  await em.execute(
    `delete from magic_link_use where id in
       (select id from magic_link_use where shop_id = ? and expires_at < ? limit ${BATCH})`,
    [shopId, hourAgo],
  );
}
