import { COUNTRY_CODES, type CountryCode } from '@cartly/contracts';
import type { IShop } from '@cartly/db';
import { callingPrefixesOf } from './calling-codes.js';
import { AppError } from '../errors.js';
import { throttle } from '../lib/rate-limit.js';
import type { LoginRequestContext } from './request-context.js';

/*
 * SMS costs the merchant money per message, and any valid-looking number gets
 * one: a pumping attack sends codes to premium-rate ranges. Before every SMS
 * the destination must match the shop's calling-code allow-list (by default
 * its own country's, calling-codes.ts; any when it has no country), and the shop's hourly and daily SMS budgets must have room; both fail
 * closed. The budget is counted on the side pool, so a failed delivery still
 * counts (it may have been billed).
 */
export async function spendSmsBudget(ctx: LoginRequestContext, shop: IShop, to: string): Promise<void> {
  const allowed = shop.settings.smsAllowedCallingCodes ?? (isCountryCode(shop.country) ? callingPrefixesOf(shop.country) : undefined);
  if (allowed && !allowed.some((code) => to.startsWith(code))) {
    throw new AppError('VALIDATION_FAILED', 'identifier: this shop does not send SMS to that country');
  }
  await ctx.deps.sidePool.transactional((em) =>
    throttle(em, {
      shopId: shop.id,
      subject: 'sms-budget',
      rules: [
        { windowSeconds: 3600, max: ctx.env.SMS_MAX_PER_SHOP_HOUR },
        { windowSeconds: 86_400, max: ctx.env.SMS_MAX_PER_SHOP_DAY },
      ],
    }),
  );
}

const isCountryCode = (c: string | null | undefined): c is CountryCode => (COUNTRY_CODES as readonly (string | null | undefined)[]).includes(c);
