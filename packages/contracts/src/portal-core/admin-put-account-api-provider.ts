import { z } from 'zod';
import { route } from '../common/route.js';
import { ZAccountApiProvider, ZProviderUrl } from './account-api-schemas.js';

export const adminPutAccountApiProviderMeta = route({
  method: 'PUT', path: '/admin/customer-account-api/provider', auth: 'admin', scope: 'write_account_api',
  tags: ['Admin', 'Customer Account API'], summary: 'Configure the shop\'s external OAuth 2.0 / OIDC customer-account provider',
  description:
    'The issuer\'s discovery document is fetched first: an unreachable issuer answers 502, one without an authorization ' +
    'code + PKCE S256 flow 422. The client secret is stored encrypted (AES-256-GCM) and never returned. Changing issuer or ' +
    'client deletes every customer\'s stored tokens and pending logins, which belong to the old client.',
  errors: [422, 502],
});
export const ZAdminPutAccountApiProviderInput = z.strictObject({
  issuer: ZProviderUrl.describe('OpenID issuer URL.'),
  client_id: z.string().trim().min(1).max(200).describe('Our client id at the provider.'),
  client_secret: z.string().min(1).max(500).nullable().optional()
    .describe('The client secret; omit to keep the stored one, null for a public client (PKCE only).'),
  graphql_url: ZProviderUrl.describe('GraphQL endpoint the proxy forwards customer queries to.'),
  scopes: z.string().trim().max(500).regex(/^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/, 'must be space-separated scope tokens')
    .refine((s) => s.split(' ').includes('openid'), 'must include openid')
    .default('openid email').describe('Space-separated scopes, including `openid` (default "openid email").'),
});
export const ZAdminPutAccountApiProviderOutput = ZAccountApiProvider;
