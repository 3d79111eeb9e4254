import { adminRevokeSessionsMeta, ZAdminRevokeSessionsInput, ZAdminRevokeSessionsOutput } from '@cartly/contracts/customers';
import { Customer } from '@cartly/db';
import { procedure } from '../trpc.js';
import { AppError } from '../errors.js';
import { revokeCustomerSessions } from './revoke-sessions.js';

export const adminRevokeSessions = procedure(adminRevokeSessionsMeta)
  .input(ZAdminRevokeSessionsInput)
  .output(ZAdminRevokeSessionsOutput)
  .mutation(async ({ ctx, input }) => {
    // Another shop's customer is 404, as every foreign object is.
    if (!(await ctx.em.count(Customer, { id: input.id, shop: ctx.shopId }))) throw new AppError('NOT_FOUND', 'customer not found');
    return { revoked: await revokeCustomerSessions(ctx.em, { shopId: ctx.shopId, customerId: input.id }) };
  });
