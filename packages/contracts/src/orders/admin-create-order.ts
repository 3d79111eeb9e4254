import { z } from 'zod';
import { route } from '../common/route.js';
import { ZId } from '../common/schemas.js';
import { ZOrder } from './schemas.js';

export const adminCreateOrderMeta = route({
  method: 'POST', path: '/admin/orders', auth: 'admin', scope: 'write_orders',
  tags: ['Admin'], summary: 'Create a paid order for a customer',
  description: 'Prices come from the variants; the order is recorded as paid in full.',
  errors: [404, 422],
});
export const ZAdminCreateOrderInput = z.strictObject({
  customer_id: ZId.describe('The customer placing the order.'),
  lines: z
    .array(z.strictObject({ variant_id: ZId, quantity: z.number().int().min(1).max(1000) }))
    .min(1)
    .max(250),
});
export const ZAdminCreateOrderOutput = ZOrder;
