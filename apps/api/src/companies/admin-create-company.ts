import { adminCreateCompanyMeta, ZAdminCreateCompanyInput, ZAdminCreateCompanyOutput } from '@cartly/contracts/companies';
import { procedure } from '../trpc.js';
import { createCompany } from './companies.js';
import { companyView } from './views.js';

export const adminCreateCompany = procedure(adminCreateCompanyMeta)
  .input(ZAdminCreateCompanyInput)
  .output(ZAdminCreateCompanyOutput)
  .mutation(async ({ ctx, input }) =>
    companyView(await createCompany(ctx.em, ctx.shopId, { name: input.name, externalId: input.external_id, note: input.note })));
