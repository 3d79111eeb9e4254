import { adminDeleteCompanyMeta, ZAdminDeleteCompanyInput, ZAdminDeleteCompanyOutput } from '@cartly/contracts/companies';
import { procedure } from '../trpc.js';
import { deleteCompany } from './companies.js';

export const adminDeleteCompany = procedure(adminDeleteCompanyMeta)
  .input(ZAdminDeleteCompanyInput)
  .output(ZAdminDeleteCompanyOutput)
  .mutation(async ({ ctx, input }) => {
    await deleteCompany(ctx.em, ctx.shopId, input.id);
    return { ok: true as const };
  });
