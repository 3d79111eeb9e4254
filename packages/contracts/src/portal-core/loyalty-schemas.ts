import { z } from 'zod';
import { ZId, ZMoneyCents, ZTimestamp } from '../common/schemas.js';

/* Shapes shared by the loyalty routes (SPEC §10). Points are whole numbers. */

export const LOYALTY_EARN_RULE_KINDS = ['per_currency_unit', 'first_order', 'birthday', 'signup'] as const;
export const ZEarnRuleKind = z
  .enum(LOYALTY_EARN_RULE_KINDS)
  .describe('`per_currency_unit`: points per whole unit of a paid order\'s currency; `first_order`: bonus for the customer\'s first order; `birthday`: once a year on or after the birth date; `signup`: once, when the customer joins the program.');

export const LOYALTY_REWARD_KIND_VALUES = ['fixed_amount_discount', 'percentage_discount', 'free_shipping'] as const;
export const ZRewardKind = z.enum(LOYALTY_REWARD_KIND_VALUES).describe('What the reward\'s discount code gives.');

export const ZPoints = z.number().int().describe('Loyalty points.');

export const ZTier = z.object({
  name: z.string().describe('Tier name, e.g. "Gold".'),
  min_lifetime_points: ZPoints.describe('Lifetime points from which a customer holds this tier.'),
}).describe('A tier of the program, by lifetime points.');

export const ZLedgerEntry = z.object({
  id: ZId,
  kind: z.enum(['earn', 'redeem', 'adjust', 'reverse', 'expire']).describe('`reverse`: taken back by a refund; `adjust`: by the merchant.'),
  status: z.enum(['pending', 'posted']).describe('`pending` until the order that earned the points is fulfilled.'),
  points: ZPoints.describe('Signed: positive earns, negative spends or takes back.'),
  description: z.string().describe('What the entry is for, e.g. "Order #1001".'),
  order_id: ZId.nullable().describe('The order that caused it, if any.'),
  created_at: ZTimestamp,
}).describe('One line of the points history.');

export const ZRedemption = z.object({
  id: ZId,
  reward_id: ZId.describe('The reward bought.'),
  kind: ZRewardKind,
  points_spent: ZPoints,
  code: z.string().describe('Unique discount code to enter at checkout.'),
  amount_cents: ZMoneyCents.nullable().describe('Money off for `fixed_amount_discount`.'),
  percentage: z.number().int().nullable().describe('Percent off for `percentage_discount`.'),
  minimum_subtotal_cents: ZMoneyCents.nullable().describe('Smallest order subtotal the code applies to.'),
  expires_at: ZTimestamp.describe('The code is valid until then (30 days after redemption).'),
  created_at: ZTimestamp,
}).describe('A reward the customer bought with points.');

export const ZLoyaltyAccount = z.object({
  customer_id: ZId,
  balance: ZPoints.describe('Points the customer can spend now.'),
  pending: ZPoints.describe('Points from orders not yet fulfilled.'),
  lifetime_points: ZPoints.describe('Posted points ever earned, net of refunds; decides the tier.'),
  tier: ZTier.nullable().describe('The tier held, or null when the program has none reached.'),
  next_tier: z.object({
    name: z.string().describe('Name of the next tier.'),
    points_needed: ZPoints.describe('Lifetime points still missing to reach it.'),
  }).nullable().describe('The next tier up, or null at the top.'),
  points_expire_at: ZTimestamp.nullable().describe('When the balance expires without further activity; null when points do not expire.'),
  birth_date: z.string().nullable().describe('`YYYY-MM-DD`, for the birthday rule.'),
  history: z.array(ZLedgerEntry).describe('The 50 most recent entries, newest first.'),
  redemptions: z.array(ZRedemption).describe('The 20 most recent redemptions, newest first.'),
}).describe('A customer\'s loyalty account.');

export const ZEarnRule = z.object({
  id: ZId,
  kind: ZEarnRuleKind,
  name: z.string().describe('Shown to customers, e.g. "Points on every order".'),
  description: z.string().nullable().describe('Longer explanation for customers.'),
  points: ZPoints.describe('For `per_currency_unit`: points per whole currency unit; otherwise the bonus.'),
  active: z.boolean().describe('Inactive rules earn nothing and are not shown to customers.'),
}).describe('A way to earn points.');

export const ZReward = z.object({
  id: ZId,
  name: z.string().describe('Shown to customers, e.g. "$5 off".'),
  description: z.string().nullable().describe('Longer explanation for customers.'),
  kind: ZRewardKind,
  points_cost: ZPoints.describe('Points one redemption costs.'),
  amount_cents: ZMoneyCents.nullable().describe('Money off for `fixed_amount_discount`.'),
  percentage: z.number().int().nullable().describe('Percent off for `percentage_discount`.'),
  minimum_subtotal_cents: ZMoneyCents.nullable().describe('Smallest order subtotal the code applies to.'),
  active: z.boolean().describe('Inactive rewards cannot be redeemed and are not shown to customers.'),
}).describe('A reward customers can buy with points.');

export const ZLoyaltyProgram = z.object({
  points_expire_after_days: z.number().int().nullable().describe('Posted points expire after this many days without earning or spending; null = never.'),
  tiers: z.array(ZTier).describe('Tiers by lifetime points, lowest first.'),
}).describe('The shop\'s loyalty program settings.');

const ZName = z.string().trim().min(1).max(100);
const ZDescription = z.string().trim().max(1000);

/** Reward fields an admin sends; `refineRewardValue` checks that the value fits the kind. */
export const rewardFieldsShape = {
  name: ZName.describe('Shown to customers.'),
  description: ZDescription.nullable().optional().describe('Longer explanation for customers.'),
  kind: ZRewardKind,
  points_cost: z.number().int().min(1).max(10_000_000).describe('Points one redemption costs.'),
  amount_cents: z.number().int().min(1).max(100_000_000).nullable().optional().describe('Money off; required for `fixed_amount_discount` only.'),
  percentage: z.number().int().min(1).max(100).nullable().optional().describe('Percent off; required for `percentage_discount` only.'),
  minimum_subtotal_cents: z.number().int().min(0).max(100_000_000).nullable().optional().describe('Smallest order subtotal the code applies to.'),
  active: z.boolean().default(true).describe('Whether customers can redeem it (default true).'),
};

export function refineRewardValue(
  r: { kind: (typeof LOYALTY_REWARD_KIND_VALUES)[number]; amount_cents?: number | null; percentage?: number | null },
  ctx: z.RefinementCtx,
): void {
  const needAmount = r.kind === 'fixed_amount_discount';
  const needPercent = r.kind === 'percentage_discount';
  if (needAmount !== (r.amount_cents != null)) {
    ctx.addIssue({ code: 'custom', path: ['amount_cents'], message: needAmount ? 'is required for fixed_amount_discount' : `must be absent for ${r.kind}` });
  }
  if (needPercent !== (r.percentage != null)) {
    ctx.addIssue({ code: 'custom', path: ['percentage'], message: needPercent ? 'is required for percentage_discount' : `must be absent for ${r.kind}` });
  }
}

export { ZName as ZLoyaltyName, ZDescription as ZLoyaltyDescription };
