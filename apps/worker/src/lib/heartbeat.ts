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
  // A local activity has no heartbeat (its workflow task's timeout watches it); cancellation still applies.
  const beat = ctx.info.isLocal ? () => undefined : () => ctx.heartbeat();
  const timer = setInterval(beat, everyMs);
  // Whichever of the two loses the race must not become an unhandled rejection.
  work.catch(() => undefined);
  ctx.cancelled.catch(() => undefined);
  try {
    beat();
    return await Promise.race([work, ctx.cancelled]);
  } finally {
    clearInterval(timer);
  }
}
