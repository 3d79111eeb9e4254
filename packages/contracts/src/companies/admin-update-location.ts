import { z } from 'zod';
import { text } from '../common/text.js';
import { route } from '../common/route.js';
import { ZId } from '../common/schemas.js';
import { ZBudgetAmount, ZBudgetPeriod, ZCompanyLocation, ZShippingAddressInput } from './schemas.js';

export const adminUpdateLocationMeta = route({
  method: 'PUT', path: '/admin/companies/{id}/locations/{location_id}', auth: 'admin', scope: 'write_companies',
  tags: ['Admin', 'Companies'], summary: 'Update a location: name, address, budget amount or period',
  description:
    'Lowering the budget below what is already spent blocks further orders this period. Changing the period keeps the ' +
    'spend and re-anchors it to the current month, quarter or year.',
  errors: [404],
});
export const ZAdminUpdateLocationInput = z
  .strictObject({
    id: ZId.describe('The company.'),
    location_id: ZId.describe('The location.'),
    name: text({ min: 1, max: 200 }).optional().describe('New name.'),
    shipping_address: ZShippingAddressInput.optional(),
    budget_amount_cents: ZBudgetAmount.optional(),
    budget_period: ZBudgetPeriod.optional(),
  })
  .refine((v) => v.name !== undefined || v.shipping_address !== undefined || v.budget_amount_cents !== undefined || v.budget_period !== undefined, {
    message: 'give at least one of name, shipping_address, budget_amount_cents, budget_period',
    path: ['name'],
  });
export const ZAdminUpdateLocationOutput = ZCompanyLocation;
