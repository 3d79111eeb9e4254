import { getOrderMeta, ZGetOrderInput, ZGetOrderOutput } from '@cartly/contracts/account';
import { procedure } from '../trpc.js';
import { loadOrder } from '../orders/orders.js';

export const getOrder = procedure(getOrderMeta)
  .input(ZGetOrderInput)
  .output(ZGetOrderOutput)
  .query(async ({ ctx, input }) => {
    const { dto } = await loadOrder(ctx.em, { shopId: ctx.shopId, orderId: input.id, customerId: ctx.customerId });
    return dto;
  });
