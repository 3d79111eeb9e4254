import { adminCreateFulfillmentMeta, ZAdminCreateFulfillmentInput, ZAdminCreateFulfillmentOutput } from '@cartly/contracts/orders';
import { procedure } from '../trpc.js';
import { fulfill, loadOrder } from './orders.js';

export const adminCreateFulfillment = procedure(adminCreateFulfillmentMeta)
  .input(ZAdminCreateFulfillmentInput)
  .output(ZAdminCreateFulfillmentOutput)
  .mutation(async ({ ctx, input }) => {
    await fulfill(ctx.em, ctx.shopId, input.id, {
      lines: input.lines?.map((l) => ({ orderLineId: l.order_line_id, quantity: l.quantity })),
      trackingNumber: input.tracking_number,
      fulfilledAt: input.fulfilled_at ? new Date(input.fulfilled_at) : undefined,
    });
    return (await loadOrder(ctx.em, { shopId: ctx.shopId, orderId: input.id })).dto;
  });
