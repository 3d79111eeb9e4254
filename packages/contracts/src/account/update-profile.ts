import { z } from 'zod';
import { route } from '../common/route.js';
import { ZPhone } from '../common/schemas.js';
import { ZProfile } from './schemas.js';

export const updateProfileMeta = route({
  method: 'PUT', path: '/storefront/v1/customer/profile', auth: 'storefront_customer',
  tags: ['Customer'], summary: 'Update the logged-in customer\'s name and phone',
  description: 'Only the fields sent are changed; send null to clear one.',
  errors: [409],
});
export const ZUpdateProfileInput = z.strictObject({
  first_name: z.string().trim().min(1).max(100).nullish().describe('First name.'),
  last_name: z.string().trim().min(1).max(100).nullish().describe('Last name.'),
  phone: ZPhone.nullish(),
});
export const ZUpdateProfileOutput = ZProfile;
