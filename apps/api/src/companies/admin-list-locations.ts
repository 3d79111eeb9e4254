import { adminListLocationsMeta, ZAdminListLocationsInput, ZAdminListLocationsOutput } from '@cartly/contracts/companies';
import { CompanyLocation } from '@cartly/db';
import { procedure } from '../trpc.js';
import { findPage } from '../lib/pagination.js';
import { currentShop } from '../shops/current-shop.js';
import { findCompany } from './companies.js';
import { locationView } from './views.js';

export const adminListLocations = procedure(adminListLocationsMeta)
  .input(ZAdminListLocationsInput)
  .output(ZAdminListLocationsOutput)
  .query(async ({ ctx, input }) => {
    const company = await findCompany(ctx.em, ctx.shopId, input.id);
    const shop = await currentShop(ctx.em, ctx.shopId);
    const { items, next_cursor } = await findPage(ctx.em, CompanyLocation, { shop: ctx.shopId, company: company.id }, input);
    const now = new Date();
    return { items: items.map((l) => locationView(l, shop.timezone, now)), next_cursor };
  });
