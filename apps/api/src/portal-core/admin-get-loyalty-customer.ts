import { adminGetLoyaltyCustomerMeta, ZAdminGetLoyaltyCustomerInput, ZAdminGetLoyaltyCustomerOutput } from '@cartly/contracts/portal-core';
import { procedure } from '../trpc.js';
import { loyaltyAccountView, requireShopCustomer } from './loyalty-views.js';

export const adminGetLoyaltyCustomer = procedure(adminGetLoyaltyCustomerMeta)
  .input(ZAdminGetLoyaltyCustomerInput)
  .output(ZAdminGetLoyaltyCustomerOutput)
  .query(async ({ ctx, input }) => {
    const where = { shopId: ctx.shopId, customerId: input.id };
    await requireShopCustomer(ctx.em, where);
    return loyaltyAccountView(ctx.em, where);
  });
