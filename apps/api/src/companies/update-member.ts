import { updateMemberMeta, ZUpdateMemberInput, ZUpdateMemberOutput } from '@cartly/contracts/companies';
import { procedure } from '../trpc.js';
import { updateMembership } from './memberships.js';
import { memberView } from './views.js';

export const updateMember = procedure(updateMemberMeta)
  .input(ZUpdateMemberInput)
  .output(ZUpdateMemberOutput)
  .mutation(async ({ ctx, input }) => {
    const m = await updateMembership(
      ctx.em,
      { shopId: ctx.shopId, companyId: ctx.membership.companyId, membershipId: input.id, keepAnAdmin: true, actingMembershipId: ctx.membership.membershipId },
      { role: input.role, locationIds: input.location_ids },
    );
    return memberView(ctx.em, ctx.shopId, m);
  });
