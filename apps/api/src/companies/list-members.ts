import { listMembersMeta, ZListMembersInput, ZListMembersOutput } from '@cartly/contracts/companies';
import { procedure } from '../trpc.js';
import { listMemberPage } from './member-page.js';

export const listMembers = procedure(listMembersMeta)
  .input(ZListMembersInput)
  .output(ZListMembersOutput)
  .query(({ ctx, input }) => listMemberPage(ctx.em, { shopId: ctx.shopId, companyId: ctx.membership.companyId }, input));
