import { z } from 'zod';
import { route } from '../common/route.js';
import { ZId, ZMoneyCents } from '../common/schemas.js';
import { ZOrder } from '../orders/schemas.js';
import { ZCompanyLocation } from './schemas.js';

export const reorderMeta = route({
  method: 'POST', path: '/customer/orders/{id}/reorder', auth: 'company_member', b2b: 'orders.reorder',
  tags: ['Companies', 'Orders'], summary: 'Buyers and admins: order an earlier company order again, for a location, against its budget',
  description:
    'Copies the order\'s lines at current prices into a new paid order for the location and charges the location\'s ' +
    'budget in the same transaction, under a lock on the location: concurrent reorders can never overspend. Lines whose ' +
    'variant is gone or whose product is not active are listed in `unavailable_lines`, not silently dropped; when none is ' +
    'left, 422. Over budget: 422 with `details.remaining_cents`. The order must be one of the company\'s (placed by a ' +
    'member or for a location) and the location one the caller may order for, else 404.',
  errors: [404, 422],
});
export const ZReorderInput = z.strictObject({
  id: ZId.describe('The earlier order.'),
  location_id: ZId.describe('The company location the new order is for; its budget is charged.'),
});
export const ZReorderOutput = z
  .object({
    order: ZOrder.describe('The new order.'),
    location: ZCompanyLocation.describe('The location after the charge.'),
    charged_cents: ZMoneyCents.describe('What the budget was charged: the new order\'s total.'),
    unavailable_lines: z
      .array(
        z.object({
          order_line_id: ZId.describe('The line of the earlier order.'),
          title: z.string(),
          sku: z.string().nullable(),
          reason: z.enum(['variant_deleted', 'product_unavailable']).describe('Why it could not be ordered again.'),
        }),
      )
      .describe('Lines of the earlier order that were not copied.'),
  })
  .describe('The new order and the location\'s budget after it.');
