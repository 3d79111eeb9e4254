import { route } from '../common/route.js';
import { ZIdInput } from '../common/schemas.js';
import { ZOrder } from '../orders/schemas.js';

export const getOrderMeta = route({
  method: 'GET', path: '/storefront/v1/customer/orders/{id}', auth: 'storefront_customer',
  tags: ['Customer'], summary: 'Get one of the customer\'s orders with lines and fulfilment', errors: [404],
});
export const ZGetOrderInput = ZIdInput;
export const ZGetOrderOutput = ZOrder;
