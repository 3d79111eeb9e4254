import { adminGetOrderMeta, ZAdminGetOrderInput, ZAdminGetOrderOutput } from '@cartly/contracts/orders';
import { procedure } from '../trpc.js';
import { loadOrder } from './orders.js';

export const adminGetOrder = procedure(adminGetOrderMeta)
  .input(ZAdminGetOrderInput)
  .output(ZAdminGetOrderOutput)
  .query(async ({ ctx, input }) => (await loadOrder(ctx.em, { shopId: ctx.shopId, orderId: input.id })).dto);
