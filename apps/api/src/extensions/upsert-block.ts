import { upsertBlockMeta, ZUpsertBlockInput, ZUpsertBlockOutput } from '@cartly/contracts/extensions';
import { procedure } from '../trpc.js';
import { upsertAppBlock } from './app-blocks.js';
import { appBlockView } from './views.js';

export const upsertBlock = procedure(upsertBlockMeta)
  .input(ZUpsertBlockInput)
  .output(ZUpsertBlockOutput)
  .mutation(async ({ ctx, input }) => {
    // A new version has no render failures yet.
    const { block } = await upsertAppBlock(ctx.em, ctx.deps.extensions.blockRenderer, { shopId: ctx.shopId, appId: ctx.app.appId }, input);
    return appBlockView(block, undefined);
  });
