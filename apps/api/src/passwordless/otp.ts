import type { CustomerAccessTokenResult, LoginChannel, LoginRequestAnswer } from '@cartly/contracts/passwordless';
import { OtpCode, uuidv7, type EntityManager, type IShop, readRows } from '@cartly/db';
import { deliverEmail, deliverSms, waitLikeDelivery } from './delivery.js';
import { spendSmsBudget } from './sms-budget.js';
import { completeLogin, findCustomer, loadShop, loginFailed, signupAllowed } from './login.js';
import { otpEmail, otpSms } from './messages.js';
import { newOtpCode, unmatchableHash } from './otp-hash.js';
import { enforcedSsoAnswer } from '../sso/enforced-sso.js';
import { resetVerificationCount, throttleLoginRequest, throttleVerification, type LoginRequestContext } from './request-context.js';

const OTP_MAX_TTL_MINUTES = 15;
/** Wrong attempts a code survives; the next attempt finds it dead. */
const OTP_MAX_ATTEMPTS = 5;

export function otpTtlMinutes(shop: IShop): number {
  const configured = shop.settings.otpTtlMinutes ?? OTP_MAX_TTL_MINUTES;
  return Math.min(OTP_MAX_TTL_MINUTES, Math.max(1, Math.floor(configured)));
}

/** Stores a delivered code; only after a successful delivery does it replace the previous one. */
export async function storeCode(
  em: EntityManager,
  code: { id: string; shopId: string; channel: LoginChannel; identifier: string; codeHash: string; expiresAt: Date },
): Promise<void> {
  await readRows(
    em,
    `update otp_code set state = 'superseded' where shop_id = ? and identifier = ? and state = 'live'`,
    [code.shopId, code.identifier],
  );
  // Rows older than a day are deleted by purgeStaleLoginState (purge.ts).
  em.create(OtpCode, { id: code.id, shop: code.shopId, channel: code.channel, identifier: code.identifier, codeHash: code.codeHash, expiresAt: code.expiresAt });
  await em.flush();
}

/**
 * Sends a new code. Known and unknown identifiers take the same path, DB
 * work included; only an identifier that may not sign up gets a code row no
 * code can match and, instead of a delivery, a wait as long as one.
 */
export async function requestOtp(
  ctx: LoginRequestContext,
  input: { channel: LoginChannel; identifier: string },
): Promise<LoginRequestAnswer> {
  const now = new Date();
  const shop = await loadShop(ctx.em, ctx.shopId);
  // Enforced SSO: an email of that domain gets no code, only the company to log in with.
  const sso = input.channel === 'email' ? await enforcedSsoAnswer(ctx.em, shop.id, input.identifier) : null;
  if (sso) return sso;
  await throttleLoginRequest(ctx, input.identifier, now);
  const ttlMinutes = otpTtlMinutes(shop);
  // The shop-wide setting first: with sign-up on, no identifier costs a customer lookup, so none answers slower.
  const sendable = signupAllowed(shop) || Boolean(await findCustomer(ctx.em, shop.id, input.channel, input.identifier));

  const id = uuidv7();
  const code = newOtpCode();
  const codeHash = sendable ? ctx.deps.otpHasher.hash(id, code) : unmatchableHash();
  if (!sendable) await waitLikeDelivery(ctx.deps, input.channel);
  else if (input.channel === 'email') await deliverEmail(ctx.deps, otpEmail({ to: input.identifier, shopName: shop.name, code, ttlMinutes }));
  else {
    await spendSmsBudget(ctx, shop, input.identifier);
    await deliverSms(ctx.deps, input.identifier, otpSms({ shopName: shop.name, code, ttlMinutes }));
  }

  await storeCode(ctx.em, { id, shopId: shop.id, channel: input.channel, identifier: input.identifier, codeHash, expiresAt: new Date(now.getTime() + ttlMinutes * 60_000) });
  return { accepted: true, resend_after_seconds: ctx.env.OTP_RESEND_COOLDOWN_SECONDS, expires_in_seconds: ttlMinutes * 60 };
}

const NO_CODE_ID = '00000000-0000-7000-8000-000000000000';

/**
 * Uses up the live code of `identifier` if `code` is it. The attempt is
 * reserved first with one atomic UPDATE on the side pool, committed whatever
 * happens next: it only succeeds while the code is live, unexpired and below
 * the attempt cap, so even a burst of parallel guesses gets at most
 * OTP_MAX_ATTEMPTS comparisons. `false` must fail the caller's request (both
 * callers throw), which rolls back the identifier's reset count. Consuming the code is a conditional UPDATE in
 * the request's transaction: of any number of concurrent right answers
 * exactly one finds the code still live.
 */
export async function useCode(ctx: LoginRequestContext, identifier: string, code: string, now: Date): Promise<boolean> {
  // Side pool first, while this request's transaction holds no lock (see autonomous-db.ts).
  const [reserved] = await throttleVerification(ctx, identifier, (em) =>
    readRows<{ id: string; code_hash: string }>(
      em,
      `update otp_code set attempts = attempts + 1
       where shop_id = ? and identifier = ? and state = 'live' and expires_at > ? and attempts < ?
       returning id, code_hash`,
      [ctx.shopId, identifier, now, OTP_MAX_ATTEMPTS],
    ),
  );
  // Hash even when there is no code, so the answer takes as long either way.
  const matches = ctx.deps.otpHasher.matches(reserved?.id ?? NO_CODE_ID, code, reserved?.code_hash ?? unmatchableHash());
  if (!reserved || !matches) return false;

  // The count's row before the code's: a parallel reservation holds the count's row and then wants the code's, so
  // taking them the other way round deadlocks. A `false` fails the request, which rolls the reset back.
  await resetVerificationCount(ctx, identifier);
  const consumed = await readRows<{ id: string }>(
    ctx.em,
    `update otp_code set state = 'used', used_at = ? where id = ? and shop_id = ? and state = 'live' returning id`,
    [now, reserved.id, ctx.shopId],
  );
  return consumed.length > 0;
}

/** Verifies a login code (useCode) and logs in as its identifier's customer. */
export async function verifyOtp(
  ctx: LoginRequestContext,
  input: { channel: LoginChannel; identifier: string; code: string },
): Promise<CustomerAccessTokenResult> {
  const now = new Date();
  if (!(await useCode(ctx, input.identifier, input.code, now))) throw loginFailed('code');
  const shop = await loadShop(ctx.em, ctx.shopId);
  return completeLogin(ctx.em, {
    shop, channel: input.channel, identifier: input.identifier, catTtlHours: ctx.env.CAT_TTL_HOURS, failure: 'code',
  });
}
