import { route } from '../common/route.js';
import { ZIdInput, ZOk } from '../common/schemas.js';

export const deleteAddressMeta = route({
  method: 'DELETE', path: '/storefront/v1/customer/addresses/{id}', auth: 'storefront_customer',
  tags: ['Customer'], summary: 'Delete an address',
  description: 'Deleting the default address makes the most recent remaining address the default.',
  errors: [404],
});
export const ZDeleteAddressInput = ZIdInput;
export const ZDeleteAddressOutput = ZOk;
