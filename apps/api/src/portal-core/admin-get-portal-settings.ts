import { adminGetPortalSettingsMeta, ZAdminGetPortalSettingsInput, ZAdminGetPortalSettingsOutput } from '@cartly/contracts/portal-core';
import { procedure } from '../trpc.js';
import { loadPortalSettings } from './portal-settings.js';

export const adminGetPortalSettings = procedure(adminGetPortalSettingsMeta)
  .input(ZAdminGetPortalSettingsInput)
  .output(ZAdminGetPortalSettingsOutput)
  .query(({ ctx, input }) => loadPortalSettings(ctx.em, ctx.shopId, input.version));
