import { createMemberMeta, ZCreateMemberInput, ZCreateMemberOutput } from '@cartly/contracts/companies';
import { Customer } from '@cartly/db';
import { procedure } from '../trpc.js';
import { createCustomer } from '../customers/create-customer.js';
import { createMembership } from './memberships.js';
import { memberView } from './views.js';

export const createMember = procedure(createMemberMeta)
  .input(ZCreateMemberInput)
  .output(ZCreateMemberOutput)
  .mutation(async ({ ctx, input }) => {
    const existing = await ctx.em.findOne(Customer, { shop: ctx.shopId, email: input.email }, { fields: ['id'] });
    const customer = existing ?? (await createCustomer(ctx.em, ctx.shopId, { email: input.email, firstName: input.first_name, lastName: input.last_name }));
    const m = await createMembership(ctx.em, {
      shopId: ctx.shopId, companyId: ctx.membership.companyId, customerId: customer.id, role: input.role, locationIds: input.location_ids,
    });
    return memberView(ctx.em, ctx.shopId, m);
  });
