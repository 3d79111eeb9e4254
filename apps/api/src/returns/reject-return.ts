import { rejectReturnMeta, ZRejectReturnInput, ZRejectReturnOutput } from '@cartly/contracts/returns';
import { procedure } from '../trpc.js';
import { decideReturn } from './decide-return.js';
import { returnView } from './views.js';

export const rejectReturn = procedure(rejectReturnMeta)
  .input(ZRejectReturnInput)
  .output(ZRejectReturnOutput)
  .mutation(async ({ ctx, input }) => {
    const where = { shopId: ctx.shopId, returnId: input.id };
    const request = await decideReturn(ctx, ctx.deps.returns.temporal, where, { kind: 'reject', reason: input.reason, note: input.note ?? null });
    return returnView(ctx.em, request);
  });
