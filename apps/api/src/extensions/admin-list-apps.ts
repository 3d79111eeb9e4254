import { adminListAppsMeta, ZAdminListAppsInput, ZAdminListAppsOutput } from '@cartly/contracts/extensions';
import { procedure } from '../trpc.js';
import { extensionAppViews } from './admin-apps.js';

export const adminListApps = procedure(adminListAppsMeta)
  .input(ZAdminListAppsInput)
  .output(ZAdminListAppsOutput)
  .query(async ({ ctx }) => ({ items: await extensionAppViews(ctx.em, ctx.shopId) }));
