import { createCustomerMeta, ZCreateCustomerInput, ZCreateCustomerOutput } from '@cartly/contracts';
import { adminProcedure } from '../../trpc.js';
import { createCustomer as create } from '../../services/customers.js';
import { adminCustomerOf } from '../../serializers/admin.js';

export const createCustomer = adminProcedure
  .meta(createCustomerMeta)
  .input(ZCreateCustomerInput)
  .output(ZCreateCustomerOutput)
  .mutation(async ({ ctx, input }) => {
    const customer = await create(ctx.em, ctx.shopId, {
      email: input.email,
      phone: input.phone,
      firstName: input.first_name,
      lastName: input.last_name,
    });
    return adminCustomerOf(customer);
  });
