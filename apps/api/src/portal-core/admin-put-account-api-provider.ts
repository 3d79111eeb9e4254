import { adminPutAccountApiProviderMeta, ZAdminPutAccountApiProviderInput, ZAdminPutAccountApiProviderOutput } from '@cartly/contracts/portal-core';
import { procedure } from '../trpc.js';
import { configureAccountApiProvider } from './configure-account-api-provider.js';
import { providerView } from './account-api-views.js';

export const adminPutAccountApiProvider = procedure(adminPutAccountApiProviderMeta)
  .input(ZAdminPutAccountApiProviderInput)
  .output(ZAdminPutAccountApiProviderOutput)
  .mutation(async ({ ctx, input }) => {
    const row = await configureAccountApiProvider(
      { em: ctx.em, box: ctx.deps.portalCore.secretBox, client: ctx.deps.portalCore.customerAccount },
      ctx.shopId,
      { issuer: input.issuer, clientId: input.client_id, clientSecret: input.client_secret, graphqlUrl: input.graphql_url, scopes: input.scopes },
    );
    return providerView(row, ctx.env.PUBLIC_BASE_URL);
  });
