import { z } from 'zod';
import { text } from '../common/text.js';
import { route } from '../common/route.js';
import { ZPhone } from '../common/schemas.js';
import { ZProfile } from './schemas.js';

export const updateProfileMeta = route({
  method: 'PUT', path: '/storefront/v1/customer/profile', auth: 'storefront_customer',
  tags: ['Customer'], summary: 'Update the logged-in customer\'s name and phone',
  description:
    'Only the fields sent are changed; send null to clear one. A new phone is not used at once: it becomes ' +
    '`pending_phone` and a code is sent to it by SMS; `POST /storefront/v1/customer/phone/confirm` with that code ' +
    'makes it the login phone. The answer is the same whether or not another customer uses the number.',
  errors: [429],
});
export const ZUpdateProfileInput = z.strictObject({
  first_name: text({ min: 1, max: 100 }).nullish().describe('First name.'),
  last_name: text({ min: 1, max: 100 }).nullish().describe('Last name.'),
  phone: ZPhone.nullish(),
});
export const ZUpdateProfileOutput = ZProfile;
