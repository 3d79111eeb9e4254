import { adminGetCustomerMeta, ZAdminGetCustomerInput, ZAdminGetCustomerOutput } from '@cartly/contracts/customers';
import { Customer } from '@cartly/db';
import { procedure } from '../trpc.js';
import { AppError } from '../errors.js';
import { adminCustomerOf } from './views.js';

export const adminGetCustomer = procedure(adminGetCustomerMeta)
  .input(ZAdminGetCustomerInput)
  .output(ZAdminGetCustomerOutput)
  .query(async ({ ctx, input }) => {
    const customer = await ctx.em.findOne(Customer, { id: input.id, shop: ctx.shopId });
    if (!customer) throw new AppError('NOT_FOUND', 'customer not found');
    return adminCustomerOf(customer);
  });
