import { adminListReturnsMeta, ZAdminListReturnsInput, ZAdminListReturnsOutput } from '@cartly/contracts/returns';
import { adminProcedure } from '../trpc.js';
import { listReturnViews } from './views.js';

export const adminListReturns = adminProcedure
  .meta(adminListReturnsMeta)
  .input(ZAdminListReturnsInput)
  .output(ZAdminListReturnsOutput)
  .query(({ ctx, input }) =>
    listReturnViews(ctx.em, ctx.shopId, { status: input.status, orderId: input.order_id, customerId: input.customer_id }, input));
