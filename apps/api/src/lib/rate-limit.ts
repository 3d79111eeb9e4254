import { uuidv7, type EntityManager, readRows } from '@cartly/db';
import { AppError } from '../errors.js';

/*
 * Sliding-window limits kept in PostgreSQL, so they hold across API replicas.
 * Each subject (an identifier, an IP) has one row holding the times of its
 * counted requests; the row is locked for the check-and-record, so concurrent
 * requests for one subject are serialised and can never overshoot a limit.
 * "Now" is the database's clock, read after the lock is held: a request that
 * waited for the lock, or a replica whose clock is behind, can neither see a
 * recorded hit as "in the future" nor write an older time over it.
 */

export interface ThrottleRule {
  windowSeconds: number;
  max: number;
}

export interface ThrottleSpec {
  shopId: string;
  subject: string;
  rules: ThrottleRule[];
  /** Minimum gap since the previous counted request. */
  cooldownSeconds?: number;
  /**
   * Answer 429 at once, rather than wait, when another transaction holds the
   * subject's row: for a row held across a delivery, where waiting would pin a
   * connection for as long as the other request's SMTP or SMS call takes.
   * Its row should already be committed (ensureThrottleRow on another
   * connection), or creating it here waits on the other transaction's insert.
   */
  noWait?: boolean;
}

/** PostgreSQL's lock_not_available, raised by FOR UPDATE NOWAIT on a held row. */
const LOCK_NOT_AVAILABLE = '55P03';

/**
 * Creates the subject's row if it is missing. The NOT EXISTS reads the row
 * without waiting: a bare INSERT ... ON CONFLICT would wait for any
 * transaction that has updated the row and not yet committed.
 */
export async function ensureThrottleRow(em: EntityManager, opts: { shopId: string; subject: string }): Promise<void> {
  await readRows(
    em,
    `insert into rate_limit_window (id, shop_id, subject, hits, updated_at)
     select ?, ?, ?, '[]', clock_timestamp() where not exists (select 1 from rate_limit_window where shop_id = ? and subject = ?)
     on conflict (shop_id, subject) do nothing`,
    [uuidv7(), opts.shopId, opts.subject, opts.shopId, opts.subject],
  );
}

/**
 * Counts one request for the subject, or throws 429 with the seconds until
 * it would be allowed. Runs inside the caller's transaction: the row lock is
 * held until it commits, and a rollback un-counts the request.
 */
export async function throttle(em: EntityManager, spec: ThrottleSpec): Promise<void> {
  await ensureThrottleRow(em, spec);
  let row: { hits: number[] } | undefined;
  try {
    [row] = await readRows<{ hits: number[] }>(
      em,
      `select hits from rate_limit_window where shop_id = ? and subject = ? for update${spec.noWait ? ' nowait' : ''}`,
      [spec.shopId, spec.subject],
    );
  } catch (e) {
    // Another request for the subject is under way (its cooldown would refuse this one anyway). The failed
    // statement has aborted our transaction, so answer now; the request's middleware rolls it back.
    if ((e as { code?: unknown }).code !== LOCK_NOT_AVAILABLE) throw e;
    const retryAfter = Math.max(1, spec.cooldownSeconds ?? 1);
    throw new AppError('RATE_LIMITED', `too many requests; try again in ${retryAfter} s`, { retryAfter, cause: e });
  }
  // Read after the lock: clock_timestamp(), unlike now(), is not the transaction's start time.
  const [clock] = await readRows<{ now_ms: string }>(em, `select floor(extract(epoch from clock_timestamp()) * 1000)::bigint::text as now_ms`, []);
  const now = Number(clock!.now_ms);
  const longest = Math.max(...spec.rules.map((r) => r.windowSeconds), spec.cooldownSeconds ?? 0) * 1000;
  // A hit is never dropped for being later than "now": keeping it can only make the limit stricter.
  const hits = (row?.hits ?? []).filter((t) => typeof t === 'number' && t > now - longest).sort((a, b) => a - b);

  let waitMs = 0;
  const last = hits.at(-1);
  if (spec.cooldownSeconds && last !== undefined) waitMs = Math.max(waitMs, last + spec.cooldownSeconds * 1000 - now);
  for (const rule of spec.rules) {
    const windowMs = rule.windowSeconds * 1000;
    const inWindow = hits.filter((t) => t > now - windowMs);
    if (inWindow.length >= rule.max) {
      // Allowed again once enough of the oldest hits have left the window.
      waitMs = Math.max(waitMs, inWindow[inWindow.length - rule.max]! + windowMs - now);
    }
  }
  if (waitMs > 0) {
    const retryAfter = Math.max(1, Math.ceil(waitMs / 1000));
    throw new AppError('RATE_LIMITED', `too many requests; try again in ${retryAfter} s`, { retryAfter });
  }
  hits.push(Math.max(now, last ?? now));
  await readRows(
    em,
    'update rate_limit_window set hits = ?::jsonb, updated_at = clock_timestamp() where shop_id = ? and subject = ?',
    [JSON.stringify(hits), spec.shopId, spec.subject],
  );
}

/** Forgets the subject's counted requests (a limit on failures, after a success). */
export async function resetThrottle(em: EntityManager, opts: { shopId: string; subject: string }): Promise<void> {
  await readRows(em, `update rate_limit_window set hits = '[]', updated_at = clock_timestamp() where shop_id = ? and subject = ?`, [opts.shopId, opts.subject]);
}
