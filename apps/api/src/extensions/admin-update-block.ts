import { adminUpdateBlockMeta, ZAdminUpdateBlockInput, ZAdminUpdateBlockOutput } from '@cartly/contracts';
import { adminProcedure } from '../trpc.js';
import { updateAdminBlock } from './admin-blocks.js';

export const adminUpdateBlock = adminProcedure
  .meta(adminUpdateBlockMeta)
  .input(ZAdminUpdateBlockInput)
  .output(ZAdminUpdateBlockOutput)
  .mutation(({ ctx, input }) => {
    const { id, ...changes } = input;
    return updateAdminBlock(ctx.em, ctx.services.blockRenderer, { shopId: ctx.shopId, id }, changes);
  });
