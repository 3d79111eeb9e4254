import { createReturnMeta, ZCreateReturnInput, ZCreateReturnOutput } from '@cartly/contracts/returns';
import { procedure } from '../trpc.js';
import { createReturnRequest } from './create-return-request.js';
import { returnView } from './views.js';

export const createReturn = procedure(createReturnMeta)
  .input(ZCreateReturnInput)
  .output(ZCreateReturnOutput)
  .mutation(async ({ ctx, input }) => {
    const request = await createReturnRequest(ctx, ctx.deps.returns.temporal, { shopId: ctx.shopId, customerId: ctx.customerId }, {
      orderId: input.order_id,
      note: input.note ?? null,
      lines: input.lines.map((l) => ({
        orderLineId: l.order_line_id, quantity: l.quantity, reason: l.reason, reasonNote: l.reason_note ?? null,
      })),
    });
    return returnView(ctx.em, request);
  });
