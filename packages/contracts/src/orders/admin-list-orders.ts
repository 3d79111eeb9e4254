import { z } from 'zod';
import { route } from '../common/route.js';
import { pageInputShape, pageOf } from '../common/pagination.js';
import { ZId } from '../common/schemas.js';
import { ZOrderSummary } from './schemas.js';

export const adminListOrdersMeta = route({
  method: 'GET', path: '/admin/orders', auth: 'admin', scope: 'read_orders',
  tags: ['Admin'], summary: 'List orders, newest first',
});
export const ZAdminListOrdersInput = z.strictObject({
  ...pageInputShape,
  customer_id: ZId.optional().describe('Only this customer\'s orders.'),
});
export const ZAdminListOrdersOutput = pageOf(ZOrderSummary.extend({ customer_id: ZId }));
