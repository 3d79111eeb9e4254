import { adminCreateRewardMeta, ZAdminCreateRewardInput, ZAdminCreateRewardOutput } from '@cartly/contracts';
import { LoyaltyReward } from '@cartly/db';
import { adminProcedure } from '../trpc.js';
import { rewardView } from './loyalty-views.js';
import { rewardFields } from './reward-fields.js';

export const adminCreateReward = adminProcedure
  .meta(adminCreateRewardMeta)
  .input(ZAdminCreateRewardInput)
  .output(ZAdminCreateRewardOutput)
  .mutation(async ({ ctx, input }) => {
    const reward = ctx.em.create(LoyaltyReward, { shop: ctx.shopId, ...rewardFields(input) });
    await ctx.em.flush();
    return rewardView(reward);
  });
