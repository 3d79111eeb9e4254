import { z } from 'zod';
import { route } from '../common/route.js';
import { ZId } from '../common/schemas.js';
import { ZLoyaltyAccount } from './loyalty-schemas.js';

export const adminUpdateLoyaltyCustomerMeta = route({
  method: 'PUT', path: '/admin/loyalty/customers/{id}', auth: 'admin', scope: 'write_loyalty',
  tags: ['Admin', 'Loyalty'], summary: 'Set a customer\'s birth date for the birthday rule', errors: [404],
});
export const ZAdminUpdateLoyaltyCustomerInput = z.strictObject({
  id: ZId.describe('The customer.'),
  birth_date: z.iso.date().nullable().refine((d) => d === null || d < new Date().toISOString().slice(0, 10), 'must be in the past')
    .describe('`YYYY-MM-DD`, or null to clear it.'),
});
export const ZAdminUpdateLoyaltyCustomerOutput = ZLoyaltyAccount;
