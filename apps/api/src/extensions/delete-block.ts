import { deleteBlockMeta, ZDeleteBlockInput, ZDeleteBlockOutput } from '@cartly/contracts';
import { appProcedure } from '../trpc.js';
import { deleteAppBlock } from './app-blocks.js';

export const deleteBlock = appProcedure
  .meta(deleteBlockMeta)
  .input(ZDeleteBlockInput)
  .output(ZDeleteBlockOutput)
  .mutation(async ({ ctx, input }) => {
    await deleteAppBlock(ctx.em, ctx.services.blockRenderer, { shopId: ctx.shopId, appId: ctx.app.appId }, input.slug);
    return { ok: true as const };
  });
