import { z } from 'zod';
import { route } from '../common/route.js';
import { ZAddress, addressFields } from './schemas.js';

export const createAddressMeta = route({
  method: 'POST', path: '/storefront/v1/customer/addresses', auth: 'storefront_customer',
  tags: ['Customer'], summary: 'Add an address',
  description: 'The first address becomes the default; `is_default: true` moves the default here.',
  errors: [422],
});
export const ZCreateAddressInput = z.strictObject(addressFields);
export const ZCreateAddressOutput = ZAddress;
