import { adminListCustomersMeta, ZAdminListCustomersInput, ZAdminListCustomersOutput } from '@cartly/contracts/customers';
import { Customer } from '@cartly/db';
import { procedure } from '../trpc.js';
import { findPage } from '../lib/pagination.js';
import { adminCustomerOf } from './views.js';

export const adminListCustomers = procedure(adminListCustomersMeta)
  .input(ZAdminListCustomersInput)
  .output(ZAdminListCustomersOutput)
  .query(async ({ ctx, input }) => {
    const page = await findPage(ctx.em, Customer, { shop: ctx.shopId, ...(input.email ? { email: input.email } : {}) }, input);
    return { items: page.items.map(adminCustomerOf), next_cursor: page.next_cursor };
  });
