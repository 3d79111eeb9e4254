import { adminListBlocksMeta, ZAdminListBlocksInput, ZAdminListBlocksOutput } from '@cartly/contracts';
import { adminProcedure } from '../trpc.js';
import { adminBlockViews } from './admin-blocks.js';

export const adminListBlocks = adminProcedure
  .meta(adminListBlocksMeta)
  .input(ZAdminListBlocksInput)
  .output(ZAdminListBlocksOutput)
  .query(async ({ ctx, input }) => ({ items: await adminBlockViews(ctx.em, ctx.shopId, { point: input.point }) }));
