import { createAppSessionMeta, ZCreateAppSessionInput, ZCreateAppSessionOutput } from '@cartly/contracts/app-sessions';
import { App } from '@cartly/db';
import { procedure } from '../trpc.js';
import { AppError } from '../errors.js';
import { issueAppSessionToken } from './app-session-tokens.js';

export const createAppSession = procedure(createAppSessionMeta)
  .input(ZCreateAppSessionInput)
  .output(ZCreateAppSessionOutput)
  .mutation(async ({ ctx, input }) => {
    // Only an app installed (and not uninstalled) on this storefront's shop; any other client id is unknown here.
    const app = await ctx.em.findOne(App, { clientId: input.app_client_id, shop: ctx.shopId, uninstalledAt: null }, { fields: ['id', 'clientId'] });
    if (!app) throw new AppError('NOT_FOUND', 'app_client_id: no such app is installed on this shop');
    const { token, expiresAt } = await issueAppSessionToken(ctx.deps.appSessions.keys, {
      appClientId: app.clientId,
      shopId: ctx.shopId,
      customerId: ctx.customerId,
      customerTokenId: ctx.customer.customerTokenId,
      notAfter: ctx.customer.expiresAt,
    });
    return { token, expires_at: expiresAt.toISOString() };
  });
