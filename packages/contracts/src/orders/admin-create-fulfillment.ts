import { z } from 'zod';
import { route } from '../common/route.js';
import { ZId, ZTimestamp } from '../common/schemas.js';
import { ZOrder } from './schemas.js';

export const adminCreateFulfillmentMeta = route({
  method: 'POST', path: '/admin/orders/{id}/fulfillments', auth: 'admin', scope: 'write_orders',
  tags: ['Admin'], summary: 'Record a shipment of some or all order lines',
  description: 'Omitting `lines` fulfils everything still unfulfilled. Over-fulfilling a line answers 422.',
  errors: [404, 422],
});
export const ZAdminCreateFulfillmentInput = z.strictObject({
  id: ZId.describe('Order id.'),
  lines: z
    .array(z.strictObject({ order_line_id: ZId, quantity: z.number().int().min(1) }))
    .min(1)
    .max(250)
    .optional(),
  tracking_number: z.string().trim().max(100).optional(),
  fulfilled_at: ZTimestamp.optional().describe('When it shipped; defaults to now.'),
});
export const ZAdminCreateFulfillmentOutput = ZOrder;
