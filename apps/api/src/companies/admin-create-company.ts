import { adminCreateCompanyMeta, ZAdminCreateCompanyInput, ZAdminCreateCompanyOutput } from '@cartly/contracts';
import { adminProcedure } from '../trpc.js';
import { createCompany } from './companies.js';
import { companyView } from './views.js';

export const adminCreateCompany = adminProcedure
  .meta(adminCreateCompanyMeta)
  .input(ZAdminCreateCompanyInput)
  .output(ZAdminCreateCompanyOutput)
  .mutation(async ({ ctx, input }) =>
    companyView(await createCompany(ctx.em, ctx.shopId, { name: input.name, externalId: input.external_id, note: input.note })));
