import { getLoyaltyCustomerMeta, ZGetLoyaltyCustomerInput, ZGetLoyaltyCustomerOutput } from '@cartly/contracts';
import { customerProcedure } from '../trpc.js';
import { loyaltyAccountView } from './loyalty-views.js';

export const getLoyaltyCustomer = customerProcedure
  .meta(getLoyaltyCustomerMeta)
  .input(ZGetLoyaltyCustomerInput)
  .output(ZGetLoyaltyCustomerOutput)
  .query(({ ctx }) => loyaltyAccountView(ctx.em, { shopId: ctx.shopId, customerId: ctx.customerId }));
