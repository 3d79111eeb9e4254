import { z } from 'zod';
import { text } from '../common/text.js';
import { route } from '../common/route.js';
import { ZCurrency, ZId } from '../common/schemas.js';
import { ZBudgetAmount, ZBudgetPeriod, ZCompanyLocation, ZShippingAddressInput } from './schemas.js';

export const adminCreateLocationMeta = route({
  method: 'POST', path: '/admin/companies/{id}/locations', auth: 'admin', scope: 'write_companies',
  tags: ['Admin', 'Companies'], summary: 'Add a location with a budget to a company',
  description: 'The budget is in the shop\'s currency (another currency answers 422); the first period starts now.',
  errors: [404, 422],
});
export const ZAdminCreateLocationInput = z.strictObject({
  id: ZId.describe('The company.'),
  name: text({ min: 1, max: 200 }).describe('The location\'s name, e.g. "Berlin warehouse".'),
  shipping_address: ZShippingAddressInput,
  budget_amount_cents: ZBudgetAmount,
  currency: ZCurrency.optional().describe('Defaults to the shop\'s currency, the only one accepted.'),
  budget_period: ZBudgetPeriod,
});
export const ZAdminCreateLocationOutput = ZCompanyLocation;
