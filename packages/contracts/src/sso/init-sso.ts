import { z } from 'zod';
import { route } from '../common/route.js';
import { text } from '../common/text.js';
import { ZId, ZTimestamp } from '../common/schemas.js';

export const initSsoMeta = route({
  method: 'GET', path: '/storefront/v1/customer/sso/init', auth: 'storefront',
  tags: ['Enterprise SSO'], summary: 'Start a login at the company\'s identity provider',
  description:
    'Authorization code flow with PKCE (S256); `state`, `nonce` and the verifier are kept server-side, bound to this ' +
    'flow and shop, for 10 minutes, and used once by the callback. `redirect_uri` must be on the shop\'s redirect ' +
    'allow-list (the magic-link rules); after the login the callback sends the browser there with the customer access ' +
    'token in the URL fragment (`#access_token=...&expires_at=...&customer_id=...`, as the magic-link page does) or ' +
    '`#error=<code>&error_description=<text>`.\n\n' +
    'The REST face answers **302** to the IdP by default, and 200 with this JSON when the request sends ' +
    '`Accept: application/json` (the tRPC procedure `sso.init` always answers the JSON). ' +
    '404 when the company has no enabled SSO; 502 when the IdP\'s discovery cannot be fetched (the message names the provider).',
  errors: [302, 404, 502],
});
export const ZInitSsoInput = z.strictObject({
  company_id: ZId.describe('The company whose IdP to log in with (see `sso/discover`).'),
  redirect_uri: text({ min: 1, max: 2000 }).describe('Where the browser ends up after the login; on the shop\'s redirect allow-list.'),
});
export const ZInitSsoOutput = z
  .object({
    authorization_url: z.string().describe('Send the browser here (the IdP\'s authorization endpoint).'),
    expires_at: ZTimestamp.describe('The login must complete before then.'),
  })
  .describe('Where to send the browser to log in.');
