import { route } from '../common/route.js';
import { ZIdInput } from '../common/schemas.js';
import { ZOrderRefundPreview } from './refund-schemas.js';

export const previewOrderRefundMeta = route({
  method: 'GET', path: '/subscriptions/cp/api/subscription-billing-attempts/refund-preview/{id}', auth: 'customer',
  tags: ['Portal core'], summary: 'Preview the refund of one of the customer\'s fulfilled orders, without refunding',
  description:
    '`{id}` is the customer\'s order id; another customer\'s or shop\'s order answers 404. The breakdown is computed by ' +
    'the same code the refund runs, so `net_refund_cents` is exactly what a refund made now would give back.',
  errors: [404],
});
export const ZPreviewOrderRefundInput = ZIdInput;
export const ZPreviewOrderRefundOutput = ZOrderRefundPreview;
