import { getLoggedInCustomerMeta, ZGetLoggedInCustomerInput, ZGetLoggedInCustomerOutput } from '@cartly/contracts';
import { optionalCustomerProcedure } from '../trpc.js';

export const getLoggedInCustomer = optionalCustomerProcedure
  .meta(getLoggedInCustomerMeta)
  .input(ZGetLoggedInCustomerInput)
  .output(ZGetLoggedInCustomerOutput)
  .query(({ ctx }) => (ctx.customerId === null ? null : { customer_id: ctx.customerId }));
