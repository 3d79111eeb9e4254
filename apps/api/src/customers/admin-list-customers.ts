import { adminListCustomersMeta, ZAdminListCustomersInput, ZAdminListCustomersOutput } from '@cartly/contracts/customers';
import { Customer } from '@cartly/db';
import { procedure } from '../trpc.js';
import { afterCursor, toPage } from '../lib/pagination.js';
import { adminCustomerOf } from './views.js';

export const adminListCustomers = procedure(adminListCustomersMeta)
  .input(ZAdminListCustomersInput)
  .output(ZAdminListCustomersOutput)
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
