import { adminUpdateLoyaltyProgramMeta, ZAdminUpdateLoyaltyProgramInput, ZAdminUpdateLoyaltyProgramOutput } from '@cartly/contracts/portal-core';
import { LoyaltyProgram } from '@cartly/db';
import { procedure } from '../trpc.js';
import { programView } from './loyalty-views.js';

export const adminUpdateLoyaltyProgram = procedure(adminUpdateLoyaltyProgramMeta)
  .input(ZAdminUpdateLoyaltyProgramInput)
  .output(ZAdminUpdateLoyaltyProgramOutput)
  .mutation(async ({ ctx, input }) => {
    const tiers = input.tiers
      .map((t) => ({ name: t.name, minLifetimePoints: t.min_lifetime_points }))
      .sort((a, b) => a.minLifetimePoints - b.minLifetimePoints);
    const row = await ctx.em.findOne(LoyaltyProgram, { shop: ctx.shopId });
    if (row) {
      row.pointsExpireAfterDays = input.points_expire_after_days;
      row.tiers = tiers;
    } else {
      ctx.em.create(LoyaltyProgram, { shop: ctx.shopId, pointsExpireAfterDays: input.points_expire_after_days, tiers });
    }
    await ctx.em.flush();
    return programView({ pointsExpireAfterDays: input.points_expire_after_days, tiers });
  });
