import { adminListMembersMeta, ZAdminListMembersInput, ZAdminListMembersOutput } from '@cartly/contracts/companies';
import { procedure } from '../trpc.js';
import { findCompany } from './companies.js';
import { listMemberPage } from './member-page.js';

export const adminListMembers = procedure(adminListMembersMeta)
  .input(ZAdminListMembersInput)
  .output(ZAdminListMembersOutput)
  .query(async ({ ctx, input }) => {
    const company = await findCompany(ctx.em, ctx.shopId, input.id);
    return listMemberPage(ctx.em, { shopId: ctx.shopId, companyId: company.id }, input);
  });
