import { adminGetSsoMeta, ZAdminGetSsoInput, ZAdminGetSsoOutput } from '@cartly/contracts/sso';
import { procedure } from '../trpc.js';
import { adminSsoConfigView, getSsoConfig } from './sso-configs.js';

export const adminGetSso = procedure(adminGetSsoMeta)
  .input(ZAdminGetSsoInput)
  .output(ZAdminGetSsoOutput)
  .query(async ({ ctx, input }) => {
    const { row, domains } = await getSsoConfig(ctx.em, ctx.shopId, input.id);
    return adminSsoConfigView(row, domains, ctx.deps.sso.secretBox, ctx.env.PUBLIC_BASE_URL);
  });
