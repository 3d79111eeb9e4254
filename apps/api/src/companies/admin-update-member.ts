import { adminUpdateMemberMeta, ZAdminUpdateMemberInput, ZAdminUpdateMemberOutput } from '@cartly/contracts/companies';
import { procedure } from '../trpc.js';
import { updateMembership } from './memberships.js';
import { memberView } from './views.js';

export const adminUpdateMember = procedure(adminUpdateMemberMeta)
  .input(ZAdminUpdateMemberInput)
  .output(ZAdminUpdateMemberOutput)
  .mutation(async ({ ctx, input }) => {
    const m = await updateMembership(
      ctx.em,
      { shopId: ctx.shopId, companyId: input.id, membershipId: input.membership_id, keepAnAdmin: false },
      { role: input.role, locationIds: input.location_ids },
    );
    return memberView(ctx.em, ctx.shopId, m);
  });
