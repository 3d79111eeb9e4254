import { adminCreateRewardMeta, ZAdminCreateRewardInput, ZAdminCreateRewardOutput } from '@cartly/contracts/portal-core';
import { LoyaltyReward } from '@cartly/db';
import { procedure } from '../trpc.js';
import { rewardView } from './loyalty-views.js';
import { rewardFields } from './reward-fields.js';

export const adminCreateReward = procedure(adminCreateRewardMeta)
  .input(ZAdminCreateRewardInput)
  .output(ZAdminCreateRewardOutput)
  .mutation(async ({ ctx, input }) => {
    const reward = ctx.em.create(LoyaltyReward, { shop: ctx.shopId, ...rewardFields(input) });
    await ctx.em.flush();
    return rewardView(reward);
  });
