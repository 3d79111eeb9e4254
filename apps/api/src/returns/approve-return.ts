import { approveReturnMeta, ZApproveReturnInput, ZApproveReturnOutput } from '@cartly/contracts/returns';
import { procedure } from '../trpc.js';
import { decideReturn } from './decide-return.js';
import { returnView } from './views.js';

export const approveReturn = procedure(approveReturnMeta)
  .input(ZApproveReturnInput)
  .output(ZApproveReturnOutput)
  .mutation(async ({ ctx, input }) => {
    const where = { shopId: ctx.shopId, returnId: input.id };
    const request = await decideReturn(ctx, ctx.deps.returns.temporal, where, { kind: 'approve', note: input.note ?? null });
    return returnView(ctx.em, request);
  });
