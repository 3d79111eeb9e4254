import { adminDeleteBlockMeta, ZAdminDeleteBlockInput, ZAdminDeleteBlockOutput } from '@cartly/contracts';
import { adminProcedure } from '../trpc.js';
import { deleteAdminBlock } from './admin-blocks.js';

export const adminDeleteBlock = adminProcedure
  .meta(adminDeleteBlockMeta)
  .input(ZAdminDeleteBlockInput)
  .output(ZAdminDeleteBlockOutput)
  .mutation(async ({ ctx, input }) => {
    await deleteAdminBlock(ctx.em, ctx.services.blockRenderer, { shopId: ctx.shopId, id: input.id });
    return { ok: true as const };
  });
