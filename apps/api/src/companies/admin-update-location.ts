import { adminUpdateLocationMeta, ZAdminUpdateLocationInput, ZAdminUpdateLocationOutput } from '@cartly/contracts/companies';
import { procedure } from '../trpc.js';
import { currentShop } from '../shops/current-shop.js';
import { updateLocation } from './locations.js';
import { locationView } from './views.js';

export const adminUpdateLocation = procedure(adminUpdateLocationMeta)
  .input(ZAdminUpdateLocationInput)
  .output(ZAdminUpdateLocationOutput)
  .mutation(async ({ ctx, input }) => {
    const a = input.shipping_address;
    const location = await updateLocation(ctx.em, { shopId: ctx.shopId, companyId: input.id, locationId: input.location_id }, {
      name: input.name,
      address: a ? { ...a, countryCode: a.country_code } : undefined,
      budgetAmountCents: input.budget_amount_cents,
      budgetPeriod: input.budget_period,
    });
    return locationView(location, (await currentShop(ctx.em, ctx.shopId)).timezone);
  });
