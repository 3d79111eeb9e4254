import { adminGetPortalSettingsMeta, ZAdminGetPortalSettingsInput, ZAdminGetPortalSettingsOutput } from '@cartly/contracts';
import { adminProcedure } from '../trpc.js';
import { loadPortalSettings } from './portal-settings.js';

export const adminGetPortalSettings = adminProcedure
  .meta(adminGetPortalSettingsMeta)
  .input(ZAdminGetPortalSettingsInput)
  .output(ZAdminGetPortalSettingsOutput)
  .query(({ ctx, input }) => loadPortalSettings(ctx.em, ctx.shopId, input.version));
