import { listOrdersMeta, ZListOrdersInput, ZListOrdersOutput } from '@cartly/contracts/account';
import { Order } from '@cartly/db';
import { procedure } from '../trpc.js';
import { afterCursor, toPage } from '../lib/pagination.js';
import { orderSummaryOf } from '../orders/views.js';

export const listOrders = procedure(listOrdersMeta)
  .input(ZListOrdersInput)
  .output(ZListOrdersOutput)
  .query(async ({ ctx, input }) => {
    const rows = await ctx.em.find(
      Order,
      { shop: ctx.shopId, customer: ctx.customerId, ...afterCursor(input, 'desc') },
      { orderBy: { id: 'desc' }, limit: input.limit + 1 },
    );
    return toPage(rows, input, orderSummaryOf);
  });
