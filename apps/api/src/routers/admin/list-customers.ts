import { listCustomersMeta, ZListCustomersInput, ZListCustomersOutput } from '@cartly/contracts';
import { Customer } from '@cartly/db';
import { adminProcedure } from '../../trpc.js';
import { afterCursor, toPage } from '../pagination.js';
import { adminCustomerOf } from '../../serializers/admin.js';

export const listCustomers = adminProcedure
  .meta(listCustomersMeta)
  .input(ZListCustomersInput)
  .output(ZListCustomersOutput)
  .query(async ({ ctx, input }) => {
    const rows = await ctx.em.find(
      Customer,
      {
        shop: ctx.shopId,
        ...(input.email ? { email: input.email } : {}),
        ...afterCursor(input, 'desc'),
      },
      { orderBy: { id: 'desc' }, limit: input.limit + 1 },
    );
    return toPage(rows, input, adminCustomerOf);
  });
