import { z } from 'zod';
import { route } from '../common/route.js';
import { ZId } from '../common/schemas.js';
import { ZNote, ZReturnReason, ZReturnRequest } from './schemas.js';

export const createReturnMeta = route({
  method: 'POST', path: '/customer/returns', auth: 'customer',
  tags: ['Returns'], summary: 'Request a return of fulfilled items of one of the customer\'s orders',
  description:
    'Only fulfilled units of the customer\'s own order, not already in an open or completed return, within the shop\'s ' +
    'return window (default 30 days from the line\'s fulfilment). Starts the return workflow; the merchant then approves ' +
    '(refund) or rejects, or the request expires. Another customer\'s order answers 404; an ineligible line 422. ' +
    '503: the request was recorded but the workflow service did not confirm its start in time; it may have been ' +
    'applied: refresh the return list (GET /customer/returns) before asking again.',
  errors: [404, 422, 503],
});

const ZCreateReturnLine = z
  .strictObject({
    order_line_id: ZId.describe('A line of the order.'),
    quantity: z.number().int().min(1).max(10_000).describe('Units of that line to return.'),
    reason: ZReturnReason,
    reason_note: ZNote('Free text about this line; required when `reason` is `other`.', 500).optional(),
  })
  .refine((l) => l.reason !== 'other' || l.reason_note !== undefined, {
    message: 'is required when reason is "other"',
    path: ['reason_note'],
  });

export const ZCreateReturnInput = z.strictObject({
  order_id: ZId.describe('The order the items come from.'),
  lines: z
    .array(ZCreateReturnLine)
    .min(1)
    .max(100)
    .superRefine((lines, ctx) => {
      const seen = new Set<string>();
      lines.forEach((l, i) => {
        if (seen.has(l.order_line_id)) {
          ctx.addIssue({ code: 'custom', path: [i, 'order_line_id'], message: `order line ${l.order_line_id} is listed twice` });
        }
        seen.add(l.order_line_id);
      });
    })
    .describe('What goes back; each order line at most once.'),
  note: ZNote('A note to the merchant about the whole return.').optional(),
});
export const ZCreateReturnOutput = ZReturnRequest;
