import { adminDeleteCompanyMeta, ZAdminDeleteCompanyInput, ZAdminDeleteCompanyOutput } from '@cartly/contracts';
import { adminProcedure } from '../trpc.js';
import { deleteCompany } from './companies.js';

export const adminDeleteCompany = adminProcedure
  .meta(adminDeleteCompanyMeta)
  .input(ZAdminDeleteCompanyInput)
  .output(ZAdminDeleteCompanyOutput)
  .mutation(async ({ ctx, input }) => {
    await deleteCompany(ctx.em, ctx.shopId, input.id);
    return { ok: true as const };
  });
