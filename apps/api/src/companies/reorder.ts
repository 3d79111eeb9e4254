import { reorderMeta, ZReorderInput, ZReorderOutput } from '@cartly/contracts/companies';
import { procedure } from '../trpc.js';
import { loadOrder } from '../orders/orders.js';
import { placeReorder } from './place-reorder.js';
import { locationView } from './views.js';

export const reorder = procedure(reorderMeta)
  .input(ZReorderInput)
  .output(ZReorderOutput)
  .mutation(async ({ ctx, input }) => {
    const now = new Date();
    const done = await placeReorder(
      ctx.em,
      { shopId: ctx.shopId, customerId: ctx.customerId, access: ctx.membership },
      { orderId: input.id, locationId: input.location_id },
      now,
    );
    const { dto } = await loadOrder(ctx.em, { shopId: ctx.shopId, orderId: done.order.id });
    return {
      order: dto,
      location: locationView(done.location, ctx.membership.timeZone, now),
      charged_cents: done.chargedCents,
      unavailable_lines: done.unavailable,
    };
  });
