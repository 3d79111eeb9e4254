import { getCustomerMeta, ZGetCustomerInput, ZGetCustomerOutput } from '@cartly/contracts';
import { Customer } from '@cartly/db';
import { adminProcedure } from '../../trpc.js';
import { AppError } from '../../errors.js';
import { adminCustomerOf } from '../../serializers/admin.js';

export const getCustomer = adminProcedure
  .meta(getCustomerMeta)
  .input(ZGetCustomerInput)
  .output(ZGetCustomerOutput)
  .query(async ({ ctx, input }) => {
    const customer = await ctx.em.findOne(Customer, { id: input.id, shop: ctx.shopId });
    if (!customer) throw new AppError('NOT_FOUND', 'customer not found');
    return adminCustomerOf(customer);
  });
