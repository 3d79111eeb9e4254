import { adminDeleteLocationMeta, ZAdminDeleteLocationInput, ZAdminDeleteLocationOutput } from '@cartly/contracts/companies';
import { procedure } from '../trpc.js';
import { deleteLocation } from './locations.js';

export const adminDeleteLocation = procedure(adminDeleteLocationMeta)
  .input(ZAdminDeleteLocationInput)
  .output(ZAdminDeleteLocationOutput)
  .mutation(async ({ ctx, input }) => {
    await deleteLocation(ctx.em, { shopId: ctx.shopId, companyId: input.id, locationId: input.location_id });
    return { ok: true as const };
  });
