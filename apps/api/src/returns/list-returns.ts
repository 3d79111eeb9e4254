import { listReturnsMeta, ZListReturnsInput, ZListReturnsOutput } from '@cartly/contracts/returns';
import { procedure } from '../trpc.js';
import { listReturnViews } from './views.js';

export const listReturns = procedure(listReturnsMeta)
  .input(ZListReturnsInput)
  .output(ZListReturnsOutput)
  .query(({ ctx, input }) => listReturnViews(ctx.em, ctx.shopId, { customerId: ctx.customerId, status: input.status }, input));
