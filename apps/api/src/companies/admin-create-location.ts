import { adminCreateLocationMeta, ZAdminCreateLocationInput, ZAdminCreateLocationOutput } from '@cartly/contracts/companies';
import { procedure } from '../trpc.js';
import { currentShop } from '../shops/current-shop.js';
import { createLocation } from './locations.js';
import { locationView } from './views.js';

export const adminCreateLocation = procedure(adminCreateLocationMeta)
  .input(ZAdminCreateLocationInput)
  .output(ZAdminCreateLocationOutput)
  .mutation(async ({ ctx, input }) => {
    const a = input.shipping_address;
    const location = await createLocation(ctx.em, { shopId: ctx.shopId, companyId: input.id }, {
      name: input.name,
      address: { ...a, countryCode: a.country_code },
      budgetAmountCents: input.budget_amount_cents,
      budgetPeriod: input.budget_period,
      currency: input.currency,
    });
    return locationView(location, (await currentShop(ctx.em, ctx.shopId)).timezone);
  });
