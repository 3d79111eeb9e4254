import { z } from 'zod';
import { ZId, ZTimestamp } from '../common/schemas.js';

/* Shapes of the Customer Account API OAuth client (SPEC §10). */

/** https, or http on loopback (a developer's provider); no credentials or fragment in the URL. */
export const ZProviderUrl = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .refine((raw) => {
    const u = new URL(raw);
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
    return (u.protocol === 'https:' || loopback) && !u.username && !u.password && !u.hash;
  }, 'must be an https URL (http only on loopback) without credentials or fragment');

export const ZAccountApiProvider = z.object({
  issuer: z.string().describe('The provider\'s OpenID issuer URL (discovery at `/.well-known/openid-configuration`).'),
  client_id: z.string().describe('Our client id at the provider.'),
  has_client_secret: z.boolean().describe('Whether a client secret is stored (it is never returned); false for a public PKCE client.'),
  graphql_url: z.string().describe('The provider\'s GraphQL endpoint the proxy forwards to.'),
  scopes: z.string().describe('Space-separated scopes requested at login.'),
  redirect_uri: z.string().describe('Register this callback URL at the provider.'),
  updated_at: ZTimestamp,
}).describe('The shop\'s Customer Account API provider.');

export const ZAccountApiStatus = z.object({
  customer_id: ZId,
  connected: z.boolean().describe('Whether tokens are stored for the customer (refreshed on use when they expire).'),
  access_token_expires_at: ZTimestamp.nullable().describe('When the stored access token expires; null when not connected.'),
  can_refresh: z.boolean().describe('Whether a refresh token is stored, so an expired access token renews without a login.'),
  scope: z.string().nullable().describe('Scopes the provider granted.'),
}).describe('Whether the customer has connected their account at the provider.');
