import { adminUpdateRewardMeta, ZAdminUpdateRewardInput, ZAdminUpdateRewardOutput } from '@cartly/contracts/portal-core';
import { LoyaltyReward } from '@cartly/db';
import { AppError } from '../errors.js';
import { procedure } from '../trpc.js';
import { rewardView } from './loyalty-views.js';
import { rewardFields } from './reward-fields.js';

export const adminUpdateReward = procedure(adminUpdateRewardMeta)
  .input(ZAdminUpdateRewardInput)
  .output(ZAdminUpdateRewardOutput)
  .mutation(async ({ ctx, input }) => {
    const reward = await ctx.em.findOne(LoyaltyReward, { id: input.id, shop: ctx.shopId });
    if (!reward) throw new AppError('NOT_FOUND', 'reward not found');
    ctx.em.assign(reward, rewardFields(input));
    await ctx.em.flush();
    return rewardView(reward);
  });
