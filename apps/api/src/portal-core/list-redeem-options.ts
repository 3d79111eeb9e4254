import { listRedeemOptionsMeta, ZListRedeemOptionsInput, ZListRedeemOptionsOutput } from '@cartly/contracts/portal-core';
import { LoyaltyReward } from '@cartly/db';
import { procedure } from '../trpc.js';
import { loyaltyAccountView, rewardView } from './loyalty-views.js';

export const listRedeemOptions = procedure(listRedeemOptionsMeta)
  .input(ZListRedeemOptionsInput)
  .output(ZListRedeemOptionsOutput)
  .query(async ({ ctx }) => {
    // The balance exactly as the account page shows it (opened, sign-up paid, expiry applied).
    const { balance } = await loyaltyAccountView(ctx.em, { shopId: ctx.shopId, customerId: ctx.customerId });
    const rewards = await ctx.em.find(LoyaltyReward, { shop: ctx.shopId, active: true }, { orderBy: { pointsCost: 'asc', id: 'asc' } });
    return {
      balance,
      redeem_options: rewards.map((r) => {
        const { active: _active, ...view } = rewardView(r);
        return { ...view, can_afford: balance >= r.pointsCost };
      }),
    };
  });
