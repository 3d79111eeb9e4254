import { z } from 'zod';
import { route } from '../common/route.js';
import { ZId } from '../common/schemas.js';
import { ZAddress, addressFields } from './schemas.js';

export const updateAddressMeta = route({
  method: 'PUT', path: '/storefront/v1/customer/addresses/{id}', auth: 'storefront_customer',
  tags: ['Customer'], summary: 'Update an address',
  description: 'Only the fields sent are changed. `is_default: true` makes it the default; the default cannot be unset directly.',
  errors: [404, 422],
});
export const ZUpdateAddressInput = z.strictObject({
  id: ZId,
  ...z.object(addressFields).partial().shape,
});
export const ZUpdateAddressOutput = ZAddress;
