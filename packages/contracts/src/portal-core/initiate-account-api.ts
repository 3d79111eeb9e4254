import { z } from 'zod';
import { route } from '../common/route.js';
import { ZTimestamp } from '../common/schemas.js';

export const initiateAccountApiMeta = route({
  method: 'POST', path: '/subscriptions/cp/api/customer-account-api/initiate', auth: 'customer',
  tags: ['Portal core', 'Customer Account API'], summary: 'Start the OAuth 2.0 + PKCE login at the shop\'s customer-account provider',
  description:
    'Answers the authorization URL to send the browser to. PKCE (S256), `state` and `nonce` are kept server-side for ' +
    '10 minutes and used once by the callback, which then redirects to `return_url` (on the shop\'s redirect allow-list). ' +
    '404 when the shop has no provider; 502 when the provider cannot be reached.',
  errors: [404, 502],
});
export const ZInitiateAccountApiInput = z.strictObject({
  return_url: z.string().max(2000).describe('Where the callback sends the browser afterwards; must be on the shop\'s redirect allow-list.'),
});
export const ZInitiateAccountApiOutput = z.object({
  authorization_url: z.string().describe('Send the browser here.'),
  expires_at: ZTimestamp.describe('The login must complete before then.'),
});
