import { getReturnMeta, ZGetReturnInput, ZGetReturnOutput } from '@cartly/contracts/returns';
import { procedure } from '../trpc.js';
import { loadReturnView } from './views.js';

export const getReturn = procedure(getReturnMeta)
  .input(ZGetReturnInput)
  .output(ZGetReturnOutput)
  .query(({ ctx, input }) => loadReturnView(ctx.em, { shopId: ctx.shopId, returnId: input.id, customerId: ctx.customerId }));
