import { adminUpdateBlockMeta, ZAdminUpdateBlockInput, ZAdminUpdateBlockOutput } from '@cartly/contracts/extensions';
import { procedure } from '../trpc.js';
import { updateAdminBlock } from './admin-blocks.js';

export const adminUpdateBlock = procedure(adminUpdateBlockMeta)
  .input(ZAdminUpdateBlockInput)
  .output(ZAdminUpdateBlockOutput)
  .mutation(({ ctx, input }) => {
    const { id, ...changes } = input;
    return updateAdminBlock(ctx.em, ctx.deps.extensions.blockRenderer, { shopId: ctx.shopId, id }, changes);
  });
