import { listMembersMeta, ZListMembersInput, ZListMembersOutput } from '@cartly/contracts';
import { b2bCustomerProcedure } from '../trpc.js';
import { listMemberPage } from './member-page.js';

export const listMembers = b2bCustomerProcedure
  .meta(listMembersMeta)
  .input(ZListMembersInput)
  .output(ZListMembersOutput)
  .query(({ ctx, input }) => listMemberPage(ctx.em, { shopId: ctx.shopId, companyId: ctx.membership.companyId }, input));
