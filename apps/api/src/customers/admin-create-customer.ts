import { adminCreateCustomerMeta, ZAdminCreateCustomerInput, ZAdminCreateCustomerOutput } from '@cartly/contracts/customers';
import { procedure } from '../trpc.js';
import { createCustomer as create } from './create-customer.js';
import { adminCustomerOf } from './views.js';

export const adminCreateCustomer = procedure(adminCreateCustomerMeta)
  .input(ZAdminCreateCustomerInput)
  .output(ZAdminCreateCustomerOutput)
  .mutation(async ({ ctx, input }) => {
    const customer = await create(ctx.em, ctx.shopId, {
      email: input.email,
      phone: input.phone,
      firstName: input.first_name,
      lastName: input.last_name,
    });
    return adminCustomerOf(customer);
  });
