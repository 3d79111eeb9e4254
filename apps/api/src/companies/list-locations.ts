import { listLocationsMeta, ZListLocationsInput, ZListLocationsOutput } from '@cartly/contracts';
import { CompanyLocation } from '@cartly/db';
import { b2bCustomerProcedure } from '../trpc.js';
import { afterCursor, toPage } from '../routers/pagination.js';
import { locationView } from './views.js';

export const listLocations = b2bCustomerProcedure
  .meta(listLocationsMeta)
  .input(ZListLocationsInput)
  .output(ZListLocationsOutput)
  .query(async ({ ctx, input }) => {
    const m = ctx.membership;
    const rows = await ctx.em.find(
      CompanyLocation,
      {
        shop: ctx.shopId,
        company: m.companyId,
        // A location-limited member sees only its locations (kept apart from the cursor's own `id` condition).
        $and: [m.locationIds !== null ? { id: { $in: m.locationIds } } : {}, afterCursor(input, 'asc')],
      },
      { orderBy: { id: 'asc' }, limit: input.limit + 1 },
    );
    const now = new Date();
    return toPage(rows, input, (l) => locationView(l, m.timeZone, now));
  });
