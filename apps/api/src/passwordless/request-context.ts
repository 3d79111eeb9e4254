import type { EntityManager } from '@cartly/db';
import type { Env } from '../env.js';
import type { Context } from '../context.js';
import type { PasswordlessDeps } from './deps.js';
import { ensureThrottleRow, resetThrottle, throttle } from '../lib/rate-limit.js';
import { ipLimitKey } from '../lib/ip-limit-key.js';
import { PURGE_EVERY, purgeStaleLoginState } from './purge.js';

/** What the passwordless services need from a request. */
export interface LoginRequestContext {
  /** The request's transactional EntityManager. */
  em: EntityManager;
  deps: PasswordlessDeps;
  env: Env;
  shopId: string;
  ip: string;
}

/** The part of a storefront request's context that login uses. */
export function loginContext(ctx: Pick<Context, 'em' | 'env' | 'ip' | 'deps'> & { shopId: string }): LoginRequestContext {
  return { em: ctx.em, deps: ctx.deps.passwordless, env: ctx.env, shopId: ctx.shopId, ip: ctx.ip };
}

const FIFTEEN_MINUTES = 15 * 60;
const ONE_DAY = 24 * 60 * 60;

/**
 * The limits every code or link request passes. The per-IP count goes through
 * the side pool first, while this request's transaction holds no lock (see
 * autonomous-db.ts); it counts even if the request then fails. The
 * per-identifier count is part of the request's transaction, so a failed
 * delivery un-counts it; its row stays locked until the delivery is done, and
 * a concurrent request for the identifier gets 429 at once instead of waiting
 * (holding a connection) for it. The row is created on the side pool, so
 * that request finds a committed row to try rather than an insert to wait on.
 */
export async function throttleLoginRequest(ctx: LoginRequestContext, identifier: string, now: Date): Promise<void> {
  const subject = `id:${identifier}`;
  await ctx.deps.sidePool.transactional(async (em) => {
    await throttle(em, { shopId: ctx.shopId, subject: `ip:${ipLimitKey(ctx.ip)}`, rules: [{ windowSeconds: FIFTEEN_MINUTES, max: ctx.env.OTP_MAX_PER_IP_15MIN }] });
    await ensureThrottleRow(em, { shopId: ctx.shopId, subject });
  });
  if (Math.random() < 1 / PURGE_EVERY) {
    await ctx.deps.sidePool.transactional((em) => purgeStaleLoginState(em, ctx.shopId, now));
  }
  await throttle(ctx.em, {
    shopId: ctx.shopId,
    subject,
    noWait: true,
    cooldownSeconds: ctx.env.OTP_RESEND_COOLDOWN_SECONDS,
    rules: [
      { windowSeconds: FIFTEEN_MINUTES, max: ctx.env.OTP_MAX_PER_IDENTIFIER_15MIN },
      { windowSeconds: ONE_DAY, max: ctx.env.OTP_MAX_PER_IDENTIFIER_DAY },
    ],
  });
}

/** The subject counting an identifier's verifications; a successful login resets it (resetVerificationCount). */
const verifySubject = (identifier: string) => `id-verify:${identifier}`;

/**
 * Verification attempts, counted on the side pool so failed attempts stay
 * counted: per IP (guessing across identifiers), and per identifier across
 * all of its codes (the per-code cap alone restarts with every new code).
 * `andThen` runs in the same short transaction once both counts have passed
 * (the code's attempt reservation), so one commit covers all three.
 */
export async function throttleVerification<T>(ctx: LoginRequestContext, identifier: string, andThen: (em: EntityManager) => Promise<T>): Promise<T> {
  return ctx.deps.sidePool.transactional(async (em) => {
    await throttle(em, { shopId: ctx.shopId, subject: `ip-verify:${ipLimitKey(ctx.ip)}`, rules: [{ windowSeconds: FIFTEEN_MINUTES, max: ctx.env.OTP_VERIFY_MAX_PER_IP_15MIN }] });
    await throttle(em, {
      shopId: ctx.shopId,
      subject: verifySubject(identifier),
      rules: [
        { windowSeconds: FIFTEEN_MINUTES, max: ctx.env.OTP_VERIFY_MAX_PER_IDENTIFIER_15MIN },
        { windowSeconds: ONE_DAY, max: ctx.env.OTP_VERIFY_MAX_PER_IDENTIFIER_DAY },
      ],
    });
    return andThen(em);
  });
}

/** After a successful login the identifier's failed guesses no longer count; part of the login's transaction. */
export function resetVerificationCount(ctx: LoginRequestContext, identifier: string): Promise<void> {
  return resetThrottle(ctx.em, { shopId: ctx.shopId, subject: verifySubject(identifier) });
}
