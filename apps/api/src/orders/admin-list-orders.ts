import { adminListOrdersMeta, ZAdminListOrdersInput, ZAdminListOrdersOutput } from '@cartly/contracts/orders';
import { Order } from '@cartly/db';
import { procedure } from '../trpc.js';
import { findPage } from '../lib/pagination.js';
import { orderSummaryOf } from './views.js';

export const adminListOrders = procedure(adminListOrdersMeta)
  .input(ZAdminListOrdersInput)
  .output(ZAdminListOrdersOutput)
  .query(async ({ ctx, input }) => {
    const page = await findPage(ctx.em, Order, { shop: ctx.shopId, ...(input.customer_id ? { customer: input.customer_id } : {}) }, input);
    return { items: page.items.map((o) => ({ ...orderSummaryOf(o), customer_id: o.customer })), next_cursor: page.next_cursor };
  });
