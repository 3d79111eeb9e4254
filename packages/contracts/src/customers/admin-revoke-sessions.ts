import { z } from 'zod';
import { route } from '../common/route.js';
import { ZIdInput } from '../common/schemas.js';

export const adminRevokeSessionsMeta = route({
  method: 'POST', path: '/admin/customers/{id}/revoke-sessions', auth: 'admin', scope: 'write_customers',
  tags: ['Admin'], summary: 'Revoke every session of a customer',
  description: 'Revokes every customer access token of the customer, and with them every app session token derived from one (e.g. after a reported account compromise).',
  errors: [404],
});
export const ZAdminRevokeSessionsInput = ZIdInput;
export const ZAdminRevokeSessionsOutput = z
  .object({ revoked: z.number().int().min(0).describe('How many live customer access tokens were revoked.') })
  .describe('The sessions that were ended.');
