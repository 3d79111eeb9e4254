import { adminListReturnsMeta, ZAdminListReturnsInput, ZAdminListReturnsOutput } from '@cartly/contracts/returns';
import { procedure } from '../trpc.js';
import { listReturnViews } from './views.js';

export const adminListReturns = procedure(adminListReturnsMeta)
  .input(ZAdminListReturnsInput)
  .output(ZAdminListReturnsOutput)
  .query(({ ctx, input }) =>
    listReturnViews(ctx.em, ctx.shopId, { status: input.status, orderId: input.order_id, customerId: input.customer_id }, input));
