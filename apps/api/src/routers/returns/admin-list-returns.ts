import { adminListReturnsMeta, ZAdminListReturnsInput, ZAdminListReturnsOutput } from '@cartly/contracts';
import { adminProcedure } from '../../trpc.js';
import { listReturnViews } from '../../services/returns/views.js';

export const adminListReturns = adminProcedure
  .meta(adminListReturnsMeta)
  .input(ZAdminListReturnsInput)
  .output(ZAdminListReturnsOutput)
  .query(({ ctx, input }) =>
    listReturnViews(ctx.em, ctx.shopId, { status: input.status, orderId: input.order_id, customerId: input.customer_id }, input));
