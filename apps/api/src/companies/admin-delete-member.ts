import { adminDeleteMemberMeta, ZAdminDeleteMemberInput, ZAdminDeleteMemberOutput } from '@cartly/contracts';
import { adminProcedure } from '../trpc.js';
import { deleteMembership } from './memberships.js';

export const adminDeleteMember = adminProcedure
  .meta(adminDeleteMemberMeta)
  .input(ZAdminDeleteMemberInput)
  .output(ZAdminDeleteMemberOutput)
  .mutation(async ({ ctx, input }) => {
    await deleteMembership(ctx.em, { shopId: ctx.shopId, companyId: input.id, membershipId: input.membership_id, keepAnAdmin: false });
    return { ok: true as const };
  });
