import { getLoggedInCustomerMeta, ZGetLoggedInCustomerInput, ZGetLoggedInCustomerOutput } from '@cartly/contracts/portal-core';
import { procedure } from '../trpc.js';

export const getLoggedInCustomer = procedure(getLoggedInCustomerMeta)
  .input(ZGetLoggedInCustomerInput)
  .output(ZGetLoggedInCustomerOutput)
  .query(({ ctx }) => (ctx.customerId === null ? null : { customer_id: ctx.customerId }));
