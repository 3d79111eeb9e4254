import { adminListMembersMeta, ZAdminListMembersInput, ZAdminListMembersOutput } from '@cartly/contracts';
import { adminProcedure } from '../trpc.js';
import { findCompany } from './companies.js';
import { listMemberPage } from './member-page.js';

export const adminListMembers = adminProcedure
  .meta(adminListMembersMeta)
  .input(ZAdminListMembersInput)
  .output(ZAdminListMembersOutput)
  .query(async ({ ctx, input }) => {
    const company = await findCompany(ctx.em, ctx.shopId, input.id);
    return listMemberPage(ctx.em, { shopId: ctx.shopId, companyId: company.id }, input);
  });
