import { z } from 'zod';
import { route } from '../common/route.js';

export const logoutAllMeta = route({
  method: 'POST', path: '/storefront/v1/customer/logout-all', auth: 'storefront_customer',
  tags: ['Customer'], summary: 'Revoke every session of the logged-in customer',
  description: 'Revokes every customer access token of the customer, the presented one included, and with them every app session token derived from one.',
});
export const ZLogoutAllInput = z.strictObject({}).optional();
export const ZLogoutAllOutput = z
  .object({ revoked: z.number().int().min(1).describe('How many customer access tokens were revoked.') })
  .describe('The sessions that were ended.');
