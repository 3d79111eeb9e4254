import { discoverSsoMeta, ZDiscoverSsoInput, ZDiscoverSsoOutput } from '@cartly/contracts/sso';
import { procedure } from '../trpc.js';
import { ssoForEmail } from './sso-configs.js';

export const discoverSso = procedure(discoverSsoMeta)
  .input(ZDiscoverSsoInput)
  .output(ZDiscoverSsoOutput)
  .query(async ({ ctx, input }) => {
    const hit = await ssoForEmail(ctx.em, ctx.shopId, input.email);
    return { sso: hit && { company_id: hit.companyId, company_name: hit.companyName, provider: hit.provider, enforced: hit.enforce } };
  });
