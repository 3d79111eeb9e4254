import { adminListLocationsMeta, ZAdminListLocationsInput, ZAdminListLocationsOutput } from '@cartly/contracts';
import { CompanyLocation } from '@cartly/db';
import { adminProcedure } from '../trpc.js';
import { afterCursor, toPage } from '../routers/pagination.js';
import { findCompany, findShop } from './companies.js';
import { locationView } from './views.js';

export const adminListLocations = adminProcedure
  .meta(adminListLocationsMeta)
  .input(ZAdminListLocationsInput)
  .output(ZAdminListLocationsOutput)
  .query(async ({ ctx, input }) => {
    const company = await findCompany(ctx.em, ctx.shopId, input.id);
    const shop = await findShop(ctx.em, ctx.shopId);
    const rows = await ctx.em.find(
      CompanyLocation,
      { shop: ctx.shopId, company: company.id, ...afterCursor(input, 'asc') },
      { orderBy: { id: 'asc' }, limit: input.limit + 1 },
    );
    const now = new Date();
    return toPage(rows, input, (l) => locationView(l, shop.timezone, now));
  });
