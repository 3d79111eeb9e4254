import { route } from '../common/route.js';
import { ZPageInput, pageOf } from '../common/pagination.js';
import { ZOrderSummary } from '../orders/schemas.js';

export const listOrdersMeta = route({
  method: 'GET', path: '/storefront/v1/customer/orders', auth: 'storefront_customer',
  tags: ['Customer'], summary: 'List the customer\'s orders, newest first',
});
export const ZListOrdersInput = ZPageInput;
export const ZListOrdersOutput = pageOf(ZOrderSummary);
