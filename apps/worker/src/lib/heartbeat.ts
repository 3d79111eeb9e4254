import { Context } from '@temporalio/activity';

/**
 * Awaits `work` while heartbeating, so a long call is not mistaken for a dead
 * worker and a dead worker's call is retried elsewhere within the heartbeat
 * timeout. Cancellation (e.g. this worker shutting down) fails the attempt at
 * once, so the server retries it without waiting for a timeout; the abandoned
 * call may still finish, which is why whatever it does must be idempotent.
 */
export async function whileHeartbeating<T>(work: Promise<T>, everyMs = 1_000): Promise<T> {
  const ctx = Context.current();
  const timer = setInterval(() => ctx.heartbeat(), everyMs);
  // Whichever of the two loses the race must not become an unhandled rejection.
  work.catch(() => undefined);
  ctx.cancelled.catch(() => undefined);
  try {
    ctx.heartbeat();
    return await Promise.race([work, ctx.cancelled]);
  } finally {
    clearInterval(timer);
  }
}
