import { adminGetCompanyMeta, ZAdminGetCompanyInput, ZAdminGetCompanyOutput } from '@cartly/contracts/companies';
import { procedure } from '../trpc.js';
import { findCompany } from './companies.js';
import { companyView } from './views.js';

export const adminGetCompany = procedure(adminGetCompanyMeta)
  .input(ZAdminGetCompanyInput)
  .output(ZAdminGetCompanyOutput)
  .query(async ({ ctx, input }) => companyView(await findCompany(ctx.em, ctx.shopId, input.id)));
