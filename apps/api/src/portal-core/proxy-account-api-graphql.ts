import { proxyAccountApiGraphqlMeta, ZProxyAccountApiGraphqlInput, ZProxyAccountApiGraphqlOutput } from '@cartly/contracts/portal-core';
import { procedure } from '../trpc.js';
import { proxyGraphql } from './proxy-graphql.js';

export const proxyAccountApiGraphql = procedure(proxyAccountApiGraphqlMeta)
  .input(ZProxyAccountApiGraphqlInput)
  .output(ZProxyAccountApiGraphqlOutput)
  .mutation(({ ctx, input }) =>
    proxyGraphql(
      // Outside the request's transaction: a token refresh (or a refused one's deletion) commits on its own.
      { em: ctx.em.fork(), box: ctx.deps.portalCore.secretBox, client: ctx.deps.portalCore.customerAccount },
      { shopId: ctx.shopId, customerId: ctx.customerId },
      { query: input.query, variables: input.variables, operationName: input.operation_name },
    ),
  );
