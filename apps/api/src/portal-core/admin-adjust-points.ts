import { randomUUID } from 'node:crypto';
import { adminAdjustPointsMeta, ZAdminAdjustPointsInput, ZAdminAdjustPointsOutput } from '@cartly/contracts/portal-core';
import { postLoyaltyEntry } from '@cartly/db';
import { AppError } from '../errors.js';
import { procedure } from '../trpc.js';
import { loyaltyAccountView, requireShopCustomer } from './loyalty-views.js';

export const adminAdjustPoints = procedure(adminAdjustPointsMeta)
  .input(ZAdminAdjustPointsInput)
  .output(ZAdminAdjustPointsOutput)
  .mutation(async ({ ctx, input }) => {
    const where = { shopId: ctx.shopId, customerId: input.id };
    await requireShopCustomer(ctx.em, where);
    return loyaltyAccountView(ctx.em, where, async (account, em) => {
      if (account.balance + input.points < 0) {
        throw new AppError('BUSINESS_RULE', `points: the balance is ${account.balance}; it cannot go below zero`);
      }
      await postLoyaltyEntry(em, account, {
        kind: 'adjust', status: 'posted', points: input.points, description: input.reason, sourceKey: `adjust:${randomUUID()}`,
      });
    });
  });
