import { logoutMeta, ZLogoutInput, ZLogoutOutput } from '@cartly/contracts/passwordless';
import { CustomerAccessToken } from '@cartly/db';
import { procedure } from '../trpc.js';

export const logout = procedure(logoutMeta)
  .input(ZLogoutInput)
  .output(ZLogoutOutput)
  .mutation(async ({ ctx }) => {
    await ctx.em.nativeUpdate(CustomerAccessToken, { id: ctx.customer.customerTokenId, shop: ctx.shopId }, { revokedAt: new Date() });
    return { ok: true as const };
  });
