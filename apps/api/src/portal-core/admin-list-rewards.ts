import { adminListRewardsMeta, ZAdminListRewardsInput, ZAdminListRewardsOutput } from '@cartly/contracts';
import { LoyaltyReward } from '@cartly/db';
import { adminProcedure } from '../trpc.js';
import { rewardView } from './loyalty-views.js';

export const adminListRewards = adminProcedure
  .meta(adminListRewardsMeta)
  .input(ZAdminListRewardsInput)
  .output(ZAdminListRewardsOutput)
  .query(async ({ ctx }) => ({
    rewards: (await ctx.em.find(LoyaltyReward, { shop: ctx.shopId }, { orderBy: { pointsCost: 'asc', id: 'asc' }, limit: 500 })).map(rewardView),
  }));
