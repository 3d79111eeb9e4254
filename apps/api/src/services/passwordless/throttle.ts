import { uuidv7, type EntityManager } from '@cartly/db';
import { AppError } from '../../errors.js';

/*
 * Sliding-window limits kept in PostgreSQL, so they hold across API replicas.
 * Each subject (an identifier, an IP) has one row holding the times of its
 * counted requests; the row is locked for the check-and-record, so concurrent
 * requests for one subject are serialised and can never overshoot a limit.
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
  now: Date;
}

/**
 * Counts one request for the subject, or throws 429 with the seconds until
 * it would be allowed. Runs inside the caller's transaction: the row lock is
 * held until it commits, and a rollback un-counts the request.
 */
export async function throttle(em: EntityManager, spec: ThrottleSpec): Promise<void> {
  const now = spec.now.getTime();
  await em.execute(
    `insert into passwordless_throttle (id, shop_id, subject, hits, updated_at) values (?, ?, ?, '[]', ?)
     on conflict (shop_id, subject) do nothing`,
    [uuidv7(), spec.shopId, spec.subject, spec.now],
  );
  const [row] = await em.execute<{ hits: number[] }[]>(
    'select hits from passwordless_throttle where shop_id = ? and subject = ? for update',
    [spec.shopId, spec.subject],
  );
  const longest = Math.max(...spec.rules.map((r) => r.windowSeconds), spec.cooldownSeconds ?? 0) * 1000;
  const hits = (row?.hits ?? []).filter((t) => typeof t === 'number' && t > now - longest && t <= now).sort((a, b) => a - b);

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
  hits.push(now);
  await em.execute(
    'update passwordless_throttle set hits = ?::jsonb, updated_at = ? where shop_id = ? and subject = ?',
    [JSON.stringify(hits), spec.now, spec.shopId, spec.subject],
  );
}
