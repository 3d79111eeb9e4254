import { listStorefrontReturnsMeta, ZListStorefrontReturnsInput, ZListStorefrontReturnsOutput } from '@cartly/contracts/returns';
import { procedure } from '../trpc.js';
import { listReturnViews } from './views.js';

export const listStorefrontReturns = procedure(listStorefrontReturnsMeta)
  .input(ZListStorefrontReturnsInput)
  .output(ZListStorefrontReturnsOutput)
  .query(({ ctx, input }) => listReturnViews(ctx.em, ctx.shopId, { customerId: ctx.customerId, status: input.status }, input));
