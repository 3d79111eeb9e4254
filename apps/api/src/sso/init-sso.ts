import { initSsoMeta, ZInitSsoInput, ZInitSsoOutput } from '@cartly/contracts/sso';
import { procedure } from '../trpc.js';
import { startSsoLogin } from './sso-login.js';

/** The JSON face; the REST path's redirect face (302) is the raw route in raw-routes.ts, calling this procedure. */
export const initSso = procedure(initSsoMeta)
  .input(ZInitSsoInput)
  .output(ZInitSsoOutput)
  .query(async ({ ctx, input }) => {
    const { authorizationUrl, expiresAt } = await startSsoLogin(
      { em: ctx.em, deps: ctx.deps.sso, publicBaseUrl: ctx.env.PUBLIC_BASE_URL },
      { shopId: ctx.shopId, companyId: input.company_id, redirectUri: input.redirect_uri },
    );
    return { authorization_url: authorizationUrl, expires_at: expiresAt.toISOString() };
  });
