import { adminGetReturnMeta, ZAdminGetReturnInput, ZAdminGetReturnOutput } from '@cartly/contracts/returns';
import { procedure } from '../trpc.js';
import { loadReturnView } from './views.js';

export const adminGetReturn = procedure(adminGetReturnMeta)
  .input(ZAdminGetReturnInput)
  .output(ZAdminGetReturnOutput)
  .query(({ ctx, input }) => loadReturnView(ctx.em, { shopId: ctx.shopId, returnId: input.id }));
