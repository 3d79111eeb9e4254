import { adminPutSsoMeta, ZAdminPutSsoInput, ZAdminPutSsoOutput } from '@cartly/contracts/sso';
import { procedure } from '../trpc.js';
import { adminSsoConfigView, putSsoConfig } from './sso-configs.js';

export const adminPutSso = procedure(adminPutSsoMeta)
  .input(ZAdminPutSsoInput)
  .output(ZAdminPutSsoOutput)
  .mutation(async ({ ctx, input }) => {
    const box = ctx.deps.sso.secretBox;
    const { row, domains } = await putSsoConfig(ctx.em, box, ctx.shopId, input.id, {
      provider: input.provider,
      issuer: input.issuer,
      clientId: input.client_id,
      clientSecret: input.client_secret,
      emailDomains: input.email_domains,
      defaultRole: input.default_role,
      enabled: input.enabled,
      enforce: input.enforce,
    });
    return adminSsoConfigView(row, domains, box, ctx.env.PUBLIC_BASE_URL);
  });
