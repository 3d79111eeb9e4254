import { createOrderMeta, ZCreateOrderInput, ZCreateOrderOutput } from '@cartly/contracts';
import { adminProcedure } from '../../trpc.js';
import { createPaidOrder, loadOrder } from '../../services/orders.js';

export const createOrder = adminProcedure
  .meta(createOrderMeta)
  .input(ZCreateOrderInput)
  .output(ZCreateOrderOutput)
  .mutation(async ({ ctx, input }) => {
    const order = await createPaidOrder(
      ctx.em,
      ctx.shopId,
      input.customer_id,
      input.lines.map((l) => ({ variantId: l.variant_id, quantity: l.quantity })),
    );
    return (await loadOrder(ctx.em, { shopId: ctx.shopId, orderId: order.id })).dto;
  });
