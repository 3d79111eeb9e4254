import { listOrdersMeta, ZListOrdersInput, ZListOrdersOutput } from '@cartly/contracts/account';
import { Order } from '@cartly/db';
import { procedure } from '../trpc.js';
import { findPage } from '../lib/pagination.js';
import { orderSummaryOf } from '../orders/views.js';

export const listOrders = procedure(listOrdersMeta)
  .input(ZListOrdersInput)
  .output(ZListOrdersOutput)
  .query(async ({ ctx, input }) => {
    const page = await findPage(ctx.em, Order, { shop: ctx.shopId, customer: ctx.customerId }, input);
    return { items: page.items.map(orderSummaryOf), next_cursor: page.next_cursor };
  });
