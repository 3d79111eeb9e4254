import { route } from '../common/route.js';
import { ZIdInput } from '../common/schemas.js';
import { ZOrder } from './schemas.js';

export const adminGetOrderMeta = route({
  method: 'GET', path: '/admin/orders/{id}', auth: 'admin', scope: 'read_orders',
  tags: ['Admin'], summary: 'Get an order with lines and fulfilments', errors: [404],
});
export const ZAdminGetOrderInput = ZIdInput;
export const ZAdminGetOrderOutput = ZOrder;
