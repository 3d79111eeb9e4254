import { getPortalSettingsMeta, ZGetPortalSettingsInput, ZGetPortalSettingsOutput } from '@cartly/contracts/portal-core';
import { procedure } from '../trpc.js';
import { loadPortalSettings } from './portal-settings.js';
import { requireOwnShop } from './own-shop.js';

export const getPortalSettings = procedure(getPortalSettingsMeta)
  .input(ZGetPortalSettingsInput)
  .output(ZGetPortalSettingsOutput)
  .query(async ({ ctx, input }) => {
    requireOwnShop(ctx.shopId, input.id);
    return loadPortalSettings(ctx.em, ctx.shopId);
  });
