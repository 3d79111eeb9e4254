import { z } from 'zod';
import { route } from '../common/route.js';

export const proxyAccountApiGraphqlMeta = route({
  method: 'POST', path: '/subscriptions/cp/api/customer-account-api/graphql', auth: 'customer',
  tags: ['Portal core', 'Customer Account API'], summary: 'Run a GraphQL query at the provider with the customer\'s stored token',
  description:
    'An access token that is expired or expires within 2 minutes is refreshed first, once, however many calls arrive ' +
    'together. 401 when the customer must log in again (never connected, no refresh token, or the provider refused the ' +
    'refresh; a refused refresh token also deletes the stored tokens). 502 when the provider fails or times out. The ' +
    'provider\'s GraphQL answer (`data`, `errors`) is returned as is.',
  errors: [502],
});
export const ZProxyAccountApiGraphqlInput = z.strictObject({
  query: z.string().min(1).max(20_000).describe('The GraphQL document.'),
  variables: z.record(z.string(), z.unknown()).optional().describe('GraphQL variables.'),
  operation_name: z.string().max(200).optional().describe('Which operation of the document to run.'),
});
export const ZProxyAccountApiGraphqlOutput = z.object({
  data: z.unknown().optional().describe('The provider\'s `data`.'),
  errors: z.array(z.unknown()).optional().describe('The provider\'s GraphQL `errors`, if any.'),
}).describe('The provider\'s GraphQL response.');
