import { z } from 'zod';
import { route } from '../common/route.js';
import { ZId, ZMoneyCents } from '../common/schemas.js';
import { ZOrderRefund } from './refund-schemas.js';

export const refundOrderMeta = route({
  method: 'PUT', path: '/subscriptions/cp/api/subscription-billing-attempts/refund-fulfillment/{id}', auth: 'customer',
  tags: ['Portal core'], summary: 'Refund one of the customer\'s fulfilled orders, once',
  description:
    'The body is JSON (`{}` is enough). Refunds what the preview shows through the payments ledger (with returns, never more than was paid), restocks the ' +
    'units not already returned, emails the customer and records the activity. An order is refunded this way at most ' +
    'once: a second call answers 409. 422 when the order is not eligible (see the preview\'s `ineligible_reason`); ' +
    '409 when `expected_amount_cents` no longer matches; another customer\'s or shop\'s order answers 404.',
  errors: [404, 409, 422],
});
export const ZRefundOrderInput = z.strictObject({
  id: ZId.describe('The customer\'s order.'),
  expected_amount_cents: ZMoneyCents
    .min(0)
    .optional()
    .describe('The `net_refund_cents` the customer confirmed in the preview; the refund is refused (409) if it changed since.'),
});
export const ZRefundOrderOutput = ZOrderRefund;
