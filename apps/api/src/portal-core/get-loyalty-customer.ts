import { getLoyaltyCustomerMeta, ZGetLoyaltyCustomerInput, ZGetLoyaltyCustomerOutput } from '@cartly/contracts/portal-core';
import { procedure } from '../trpc.js';
import { loyaltyAccountView } from './loyalty-views.js';

export const getLoyaltyCustomer = procedure(getLoyaltyCustomerMeta)
  .input(ZGetLoyaltyCustomerInput)
  .output(ZGetLoyaltyCustomerOutput)
  .query(({ ctx }) => loyaltyAccountView(ctx.em, { shopId: ctx.shopId, customerId: ctx.customerId }));
