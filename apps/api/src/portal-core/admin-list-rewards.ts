import { adminListRewardsMeta, ZAdminListRewardsInput, ZAdminListRewardsOutput } from '@cartly/contracts/portal-core';
import { LoyaltyReward } from '@cartly/db';
import { procedure } from '../trpc.js';
import { rewardView } from './loyalty-views.js';

export const adminListRewards = procedure(adminListRewardsMeta)
  .input(ZAdminListRewardsInput)
  .output(ZAdminListRewardsOutput)
  .query(async ({ ctx }) => ({
    rewards: (await ctx.em.find(LoyaltyReward, { shop: ctx.shopId }, { orderBy: { pointsCost: 'asc', id: 'asc' }, limit: 500 })).map(rewardView),
  }));
