import { adminCreateMemberMeta, ZAdminCreateMemberInput, ZAdminCreateMemberOutput } from '@cartly/contracts/companies';
import { procedure } from '../trpc.js';
import { createMembership } from './memberships.js';
import { memberView } from './views.js';

export const adminCreateMember = procedure(adminCreateMemberMeta)
  .input(ZAdminCreateMemberInput)
  .output(ZAdminCreateMemberOutput)
  .mutation(async ({ ctx, input }) => {
    const m = await createMembership(ctx.em, {
      shopId: ctx.shopId, companyId: input.id, customerId: input.customer_id, role: input.role, locationIds: input.location_ids,
    });
    return memberView(ctx.em, ctx.shopId, m);
  });
