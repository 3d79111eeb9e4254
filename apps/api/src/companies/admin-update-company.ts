import { adminUpdateCompanyMeta, ZAdminUpdateCompanyInput, ZAdminUpdateCompanyOutput } from '@cartly/contracts/companies';
import { procedure } from '../trpc.js';
import { updateCompany } from './companies.js';
import { companyView } from './views.js';

export const adminUpdateCompany = procedure(adminUpdateCompanyMeta)
  .input(ZAdminUpdateCompanyInput)
  .output(ZAdminUpdateCompanyOutput)
  .mutation(async ({ ctx, input }) =>
    companyView(await updateCompany(ctx.em, ctx.shopId, input.id, { name: input.name, externalId: input.external_id, note: input.note })));
