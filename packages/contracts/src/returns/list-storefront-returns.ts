import { route } from '../common/route.js';
import { ZListReturnsInput, ZListReturnsOutput } from './list-returns.js';

export const listStorefrontReturnsMeta = route({
  method: 'GET', path: '/storefront/v1/customer/returns', auth: 'storefront_customer',
  tags: ['Customer', 'Returns'], summary: 'List the customer\'s return requests (headless; same data as GET /customer/returns)',
});
export const ZListStorefrontReturnsInput = ZListReturnsInput;
export const ZListStorefrontReturnsOutput = ZListReturnsOutput;
