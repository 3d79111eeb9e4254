import { adminListAppsMeta, ZAdminListAppsInput, ZAdminListAppsOutput } from '@cartly/contracts';
import { adminProcedure } from '../trpc.js';
import { extensionAppViews } from './admin-apps.js';

export const adminListApps = adminProcedure
  .meta(adminListAppsMeta)
  .input(ZAdminListAppsInput)
  .output(ZAdminListAppsOutput)
  .query(async ({ ctx }) => ({ items: await extensionAppViews(ctx.em, ctx.shopId) }));
