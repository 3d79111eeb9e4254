import { getBlockMeta, ZGetBlockInput, ZGetBlockOutput } from '@cartly/contracts/extensions';
import { procedure } from '../trpc.js';
import { getAppBlock } from './app-blocks.js';
import { appBlockView, currentRenderErrors } from './views.js';

export const getBlock = procedure(getBlockMeta)
  .input(ZGetBlockInput)
  .output(ZGetBlockOutput)
  .query(async ({ ctx, input }) => {
    const block = await getAppBlock(ctx.em, { shopId: ctx.shopId, appId: ctx.app.appId }, input.slug);
    const errors = await currentRenderErrors(ctx.em, ctx.shopId, [block]);
    return appBlockView(block, errors.get(block.id));
  });
