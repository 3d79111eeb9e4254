import { adminCreateLocationMeta, ZAdminCreateLocationInput, ZAdminCreateLocationOutput } from '@cartly/contracts';
import { adminProcedure } from '../trpc.js';
import { findShop } from './companies.js';
import { createLocation } from './locations.js';
import { locationView } from './views.js';

export const adminCreateLocation = adminProcedure
  .meta(adminCreateLocationMeta)
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
    return locationView(location, (await findShop(ctx.em, ctx.shopId)).timezone);
  });
