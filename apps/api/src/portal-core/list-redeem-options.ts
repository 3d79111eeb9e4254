import { listRedeemOptionsMeta, ZListRedeemOptionsInput, ZListRedeemOptionsOutput } from '@cartly/contracts';
import { LoyaltyAccount, LoyaltyReward } from '@cartly/db';
import { customerProcedure } from '../trpc.js';
import { loyaltyAccountView, rewardView } from './loyalty-views.js';

export const listRedeemOptions = customerProcedure
  .meta(listRedeemOptionsMeta)
  .input(ZListRedeemOptionsInput)
  .output(ZListRedeemOptionsOutput)
  .query(async ({ ctx }) => {
    const where = { shopId: ctx.shopId, customerId: ctx.customerId };
    // The balance as the account page shows it (expiry applied), without its history.
    const exists = await ctx.em.findOne(LoyaltyAccount, { shop: ctx.shopId, customer: ctx.customerId }, { fields: ['id'] });
    const balance = exists ? (await loyaltyAccountView(ctx.em, where)).balance : 0;
    const rewards = await ctx.em.find(LoyaltyReward, { shop: ctx.shopId, active: true }, { orderBy: { pointsCost: 'asc', id: 'asc' } });
    return {
      balance,
      redeem_options: rewards.map((r) => {
        const { active: _active, ...view } = rewardView(r);
        return { ...view, can_afford: balance >= r.pointsCost };
      }),
    };
  });
