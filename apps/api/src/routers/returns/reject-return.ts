import { rejectReturnMeta, ZRejectReturnInput, ZRejectReturnOutput } from '@cartly/contracts';
import { adminProcedure } from '../../trpc.js';
import { decideReturn } from '../../services/returns/decide-return.js';
import { loadReturnView } from '../../services/returns/views.js';

export const rejectReturn = adminProcedure
  .meta(rejectReturnMeta)
  .input(ZRejectReturnInput)
  .output(ZRejectReturnOutput)
  .mutation(async ({ ctx, input }) => {
    const where = { shopId: ctx.shopId, returnId: input.id };
    await decideReturn(ctx.em, ctx.services.temporal, where, { kind: 'reject', reason: input.reason, note: input.note ?? null });
    return loadReturnView(ctx.em, where);
  });
