import { adminUpdateLoyaltyCustomerMeta, ZAdminUpdateLoyaltyCustomerInput, ZAdminUpdateLoyaltyCustomerOutput } from '@cartly/contracts/portal-core';
import { procedure } from '../trpc.js';
import { loyaltyAccountView, requireShopCustomer } from './loyalty-views.js';

export const adminUpdateLoyaltyCustomer = procedure(adminUpdateLoyaltyCustomerMeta)
  .input(ZAdminUpdateLoyaltyCustomerInput)
  .output(ZAdminUpdateLoyaltyCustomerOutput)
  .mutation(async ({ ctx, input }) => {
    const where = { shopId: ctx.shopId, customerId: input.id };
    await requireShopCustomer(ctx.em, where);
    return loyaltyAccountView(ctx.em, where, async (account) => {
      account.birthDate = input.birth_date;
    });
  });
