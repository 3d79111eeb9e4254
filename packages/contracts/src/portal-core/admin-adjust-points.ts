import { z } from 'zod';
import { route } from '../common/route.js';
import { ZId } from '../common/schemas.js';
import { ZLoyaltyAccount } from './loyalty-schemas.js';

export const adminAdjustPointsMeta = route({
  method: 'POST', path: '/admin/loyalty/customers/{id}/adjustments', auth: 'admin', scope: 'write_loyalty',
  tags: ['Admin', 'Loyalty'], summary: 'Add or remove points by hand, with a reason shown in the history',
  description: 'A deduction larger than the balance answers 422 and changes nothing.',
  errors: [404, 422],
});
export const ZAdminAdjustPointsInput = z.strictObject({
  id: ZId.describe('The customer.'),
  points: z.number().int().min(-10_000_000).max(10_000_000).refine((n) => n !== 0, 'must not be 0')
    .describe('Points to add (positive) or remove (negative).'),
  reason: z.string().trim().min(1).max(200).describe('Shown to the customer in the history.'),
});
export const ZAdminAdjustPointsOutput = ZLoyaltyAccount;
