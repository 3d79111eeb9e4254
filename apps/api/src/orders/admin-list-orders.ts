import { adminListOrdersMeta, ZAdminListOrdersInput, ZAdminListOrdersOutput } from '@cartly/contracts/orders';
import { Order } from '@cartly/db';
import { procedure } from '../trpc.js';
import { afterCursor, toPage } from '../lib/pagination.js';
import { orderSummaryOf } from './views.js';

export const adminListOrders = procedure(adminListOrdersMeta)
  .input(ZAdminListOrdersInput)
  .output(ZAdminListOrdersOutput)
  .query(async ({ ctx, input }) => {
    const rows = await ctx.em.find(
      Order,
      { shop: ctx.shopId, ...(input.customer_id ? { customer: input.customer_id } : {}), ...afterCursor(input, 'desc') },
      { orderBy: { id: 'desc' }, limit: input.limit + 1 },
    );
    return toPage(rows, input, (o) => ({ ...orderSummaryOf(o), customer_id: o.customer }));
  });
