import { adminUpdatePortalSettingsMeta, ZAdminUpdatePortalSettingsInput, ZAdminUpdatePortalSettingsOutput } from '@cartly/contracts/portal-core';
import { procedure } from '../trpc.js';
import { savePortalSettings } from './portal-settings.js';

export const adminUpdatePortalSettings = procedure(adminUpdatePortalSettingsMeta)
  .input(ZAdminUpdatePortalSettingsInput)
  .output(ZAdminUpdatePortalSettingsOutput)
  .mutation(({ ctx, input }) => savePortalSettings(ctx.em, ctx.shopId, input.settings, input.expected_version));
