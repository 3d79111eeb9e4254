import { redeemRewardMeta, ZRedeemRewardInput, ZRedeemRewardOutput } from '@cartly/contracts/portal-core';
import { procedure } from '../trpc.js';
import { redeemPoints } from './redeem-points.js';
import { redemptionView } from './loyalty-views.js';

export const redeemReward = procedure(redeemRewardMeta)
  .input(ZRedeemRewardInput)
  .output(ZRedeemRewardOutput)
  .mutation(async ({ ctx, input }) => {
    const { redemption, balance } = await redeemPoints(ctx.em, { shopId: ctx.shopId, customerId: ctx.customerId, rewardId: input.option_id });
    return { redemption: redemptionView(redemption), balance };
  });
