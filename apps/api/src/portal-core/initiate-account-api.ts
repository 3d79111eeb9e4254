import { initiateAccountApiMeta, ZInitiateAccountApiInput, ZInitiateAccountApiOutput } from '@cartly/contracts/portal-core';
import { procedure } from '../trpc.js';
import { startAccountApiLogin } from './account-api-login.js';

export const initiateAccountApi = procedure(initiateAccountApiMeta)
  .input(ZInitiateAccountApiInput)
  .output(ZInitiateAccountApiOutput)
  .mutation(async ({ ctx, input }) => {
    const { authorizationUrl, expiresAt } = await startAccountApiLogin(
      { em: ctx.em, box: ctx.deps.portalCore.secretBox, client: ctx.deps.portalCore.customerAccount, publicBaseUrl: ctx.env.PUBLIC_BASE_URL },
      { shopId: ctx.shopId, customerId: ctx.customerId },
      input.return_url,
    );
    return { authorization_url: authorizationUrl, expires_at: expiresAt.toISOString() };
  });
