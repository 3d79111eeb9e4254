import { z } from 'zod';
import { route } from '../common/route.js';
import { ZId } from '../common/schemas.js';
import { ZNote, ZRejectReason, ZReturnRequest } from './schemas.js';

export const rejectReturnMeta = route({
  method: 'POST', path: '/admin/returns/{id}/reject', auth: 'admin', scope: 'write_returns',
  tags: ['Admin', 'Returns'], summary: 'Reject a return request; the customer is told why',
  description:
    'Sends the return workflow its reject signal. A request that is already decided or expired answers 409. ' +
    '503: the decision was recorded but the workflow service did not confirm it in time; it may have been applied: ' +
    'refresh the return (GET /admin/returns/{id}); rejecting again answers 409 and hands the recorded decision over once more.',
  errors: [404, 409, 503],
});
export const ZRejectReturnInput = z
  .strictObject({
    id: ZId.describe('Return request id.'),
    reason: ZRejectReason,
    note: ZNote('Explanation for the customer, included in their email; required when `reason` is `other`.').optional(),
  })
  .refine((r) => r.reason !== 'other' || r.note !== undefined, { message: 'is required when reason is "other"', path: ['note'] });
export const ZRejectReturnOutput = ZReturnRequest;
