import { listLocationsMeta, ZListLocationsInput, ZListLocationsOutput } from '@cartly/contracts/companies';
import { CompanyLocation } from '@cartly/db';
import { procedure } from '../trpc.js';
import { findPage } from '../lib/pagination.js';
import { locationView } from './views.js';

export const listLocations = procedure(listLocationsMeta)
  .input(ZListLocationsInput)
  .output(ZListLocationsOutput)
  .query(async ({ ctx, input }) => {
    const m = ctx.membership;
    // A location-limited member sees only its locations (findPage keeps the cursor's own `id` condition apart).
    const where = { shop: ctx.shopId, company: m.companyId, ...(m.locationIds !== null ? { id: { $in: m.locationIds } } : {}) };
    const { items, next_cursor } = await findPage(ctx.em, CompanyLocation, where, input);
    const now = new Date();
    return { items: items.map((l) => locationView(l, m.timeZone, now)), next_cursor };
  });
