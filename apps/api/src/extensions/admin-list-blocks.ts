import { adminListBlocksMeta, ZAdminListBlocksInput, ZAdminListBlocksOutput } from '@cartly/contracts/extensions';
import { procedure } from '../trpc.js';
import { adminBlockViews } from './admin-blocks.js';

export const adminListBlocks = procedure(adminListBlocksMeta)
  .input(ZAdminListBlocksInput)
  .output(ZAdminListBlocksOutput)
  .query(async ({ ctx, input }) => ({ items: await adminBlockViews(ctx.em, ctx.shopId, { point: input.point }) }));
