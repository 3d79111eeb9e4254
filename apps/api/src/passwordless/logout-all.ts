import { logoutAllMeta, ZLogoutAllInput, ZLogoutAllOutput } from '@cartly/contracts/passwordless';
import { procedure } from '../trpc.js';
import { revokeCustomerSessions } from '../customers/revoke-sessions.js';

export const logoutAll = procedure(logoutAllMeta)
  .input(ZLogoutAllInput)
  .output(ZLogoutAllOutput)
  .mutation(async ({ ctx }) => ({
    revoked: await revokeCustomerSessions(ctx.em, { shopId: ctx.shopId, customerId: ctx.customerId }),
  }));
