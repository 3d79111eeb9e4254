import { uuidv7 } from '@cartly/db';
import { deliverSms } from './delivery.js';
import { spendSmsBudget } from './sms-budget.js';
import { loadShop } from './login.js';
import { phoneProofSms } from './messages.js';
import { newOtpCode } from './otp-hash.js';
import { otpTtlMinutes, storeCode, useCode } from './otp.js';
import { throttleLoginRequest, type LoginRequestContext } from './request-context.js';

/*
 * Proving a phone before it becomes a login key. The code is stored under an
 * identifier naming the customer and the number, never the bare number, so
 * no SMS login can use it and a code sent to one number cannot confirm another.
 */

const proofIdentifier = (customerId: string, phone: string) => `phone-proof:${customerId}:${phone}`;

/** Sends a code to `phone` for the customer; the same limits as a login code request. */
export async function sendPhoneProof(ctx: LoginRequestContext, customerId: string, phone: string): Promise<void> {
  const now = new Date();
  const shop = await loadShop(ctx.em, ctx.shopId);
  const identifier = proofIdentifier(customerId, phone);
  await throttleLoginRequest(ctx, identifier, now);
  const ttlMinutes = otpTtlMinutes(shop);
  const id = uuidv7();
  const code = newOtpCode();
  await spendSmsBudget(ctx, shop, phone);
  await deliverSms(ctx.deps, phone, phoneProofSms({ shopName: shop.name, code, ttlMinutes }));
  await storeCode(ctx.em, {
    id, shopId: shop.id, channel: 'sms', identifier, codeHash: ctx.deps.otpHasher.hash(id, code), expiresAt: new Date(now.getTime() + ttlMinutes * 60_000),
  });
}

/** Whether `code` is the live code sent to `phone` for the customer; uses it up if so. */
export function checkPhoneProof(ctx: LoginRequestContext, customerId: string, phone: string, code: string): Promise<boolean> {
  return useCode(ctx, proofIdentifier(customerId, phone), code, new Date());
}
