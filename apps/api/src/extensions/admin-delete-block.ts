import { adminDeleteBlockMeta, ZAdminDeleteBlockInput, ZAdminDeleteBlockOutput } from '@cartly/contracts/extensions';
import { procedure } from '../trpc.js';
import { deleteAdminBlock } from './admin-blocks.js';

export const adminDeleteBlock = procedure(adminDeleteBlockMeta)
  .input(ZAdminDeleteBlockInput)
  .output(ZAdminDeleteBlockOutput)
  .mutation(async ({ ctx, input }) => {
    await deleteAdminBlock(ctx.em, ctx.deps.extensions.blockRenderer, { shopId: ctx.shopId, id: input.id });
    return { ok: true as const };
  });
