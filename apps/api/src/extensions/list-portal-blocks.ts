import { listPortalBlocksMeta, ZListPortalBlocksInput, ZListPortalBlocksOutput } from '@cartly/contracts/extensions';
import { procedure } from '../trpc.js';
import { listPortalBlocks as listBlocks } from './portal-blocks.js';

export const listPortalBlocks = procedure(listPortalBlocksMeta)
  .input(ZListPortalBlocksInput)
  .output(ZListPortalBlocksOutput)
  .query(async ({ ctx, input }) => ({
    items: await listBlocks(
      ctx.db,
      { renderer: ctx.deps.extensions.blockRenderer, budgetMs: ctx.env.EXTENSIONS_RENDER_BUDGET_MS },
      { shopId: ctx.shopId, customerId: ctx.customerId, point: input.point, orderId: input.order_id, returnId: input.return_id },
    ),
  }));
