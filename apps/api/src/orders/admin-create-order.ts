import { adminCreateOrderMeta, ZAdminCreateOrderInput, ZAdminCreateOrderOutput } from '@cartly/contracts/orders';
import { procedure } from '../trpc.js';
import { createPaidOrder, loadOrder } from './orders.js';

export const adminCreateOrder = procedure(adminCreateOrderMeta)
  .input(ZAdminCreateOrderInput)
  .output(ZAdminCreateOrderOutput)
  .mutation(async ({ ctx, input }) => {
    const order = await createPaidOrder(
      ctx.em,
      ctx.shopId,
      input.customer_id,
      input.lines.map((l) => ({ variantId: l.variant_id, quantity: l.quantity })),
    );
    return (await loadOrder(ctx.em, { shopId: ctx.shopId, orderId: order.id })).dto;
  });
