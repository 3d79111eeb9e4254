import { adminDeleteMemberMeta, ZAdminDeleteMemberInput, ZAdminDeleteMemberOutput } from '@cartly/contracts/companies';
import { procedure } from '../trpc.js';
import { deleteMembership } from './memberships.js';

export const adminDeleteMember = procedure(adminDeleteMemberMeta)
  .input(ZAdminDeleteMemberInput)
  .output(ZAdminDeleteMemberOutput)
  .mutation(async ({ ctx, input }) => {
    await deleteMembership(ctx.em, { shopId: ctx.shopId, companyId: input.id, membershipId: input.membership_id, keepAnAdmin: false });
    return { ok: true as const };
  });
