import { deleteBlockMeta, ZDeleteBlockInput, ZDeleteBlockOutput } from '@cartly/contracts/extensions';
import { procedure } from '../trpc.js';
import { deleteAppBlock } from './app-blocks.js';

export const deleteBlock = procedure(deleteBlockMeta)
  .input(ZDeleteBlockInput)
  .output(ZDeleteBlockOutput)
  .mutation(async ({ ctx, input }) => {
    await deleteAppBlock(ctx.em, ctx.deps.extensions.blockRenderer, { shopId: ctx.shopId, appId: ctx.app.appId }, input.slug);
    return { ok: true as const };
  });
