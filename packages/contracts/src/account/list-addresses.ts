import { route } from '../common/route.js';
import { ZPageInput, pageOf } from '../common/pagination.js';
import { ZAddress } from './schemas.js';

export const listAddressesMeta = route({
  method: 'GET', path: '/storefront/v1/customer/addresses', auth: 'storefront_customer',
  tags: ['Customer'], summary: 'List the customer\'s addresses',
});
export const ZListAddressesInput = ZPageInput;
export const ZListAddressesOutput = pageOf(ZAddress);
