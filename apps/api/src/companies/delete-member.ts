import { deleteMemberMeta, ZDeleteMemberInput, ZDeleteMemberOutput } from '@cartly/contracts/companies';
import { procedure } from '../trpc.js';
import { deleteMembership } from './memberships.js';

export const deleteMember = procedure(deleteMemberMeta)
  .input(ZDeleteMemberInput)
  .output(ZDeleteMemberOutput)
  .mutation(async ({ ctx, input }) => {
    await deleteMembership(ctx.em, { shopId: ctx.shopId, companyId: ctx.membership.companyId, membershipId: input.id, keepAnAdmin: true, actingMembershipId: ctx.membership.membershipId });
    return { ok: true as const };
  });
