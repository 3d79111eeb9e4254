import { z } from 'zod';
import { route } from '../common/route.js';
import { ZAppSessionToken } from './schemas.js';

export const createAppSessionMeta = route({
  method: 'POST', path: '/storefront/v1/customer/app-session', auth: 'storefront_customer',
  tags: ['App sessions'], summary: 'Issue an app session token (AST) for an installed app',
  description:
    'For an embedded app\'s front end: proves to that app\'s server that this customer is logged in. The app must be ' +
    'installed on the shop of the storefront token. Verify it with `POST /apps/api/customer-session/verify`, or offline ' +
    'with the keys at `GET /.well-known/jwks.json`.',
  errors: [404],
});
export const ZCreateAppSessionInput = z.strictObject({
  app_client_id: z.string().min(1).max(64).describe('Client id of the installed app the token is for.'),
});
export const ZCreateAppSessionOutput = ZAppSessionToken;
