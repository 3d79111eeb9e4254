import { z } from 'zod';
import { route } from '../common/route.js';
import { ZId } from '../common/schemas.js';
import { ZNote, ZReturnRequest } from './schemas.js';

export const approveReturnMeta = route({
  method: 'POST', path: '/admin/returns/{id}/approve', auth: 'admin', scope: 'write_returns',
  tags: ['Admin', 'Returns'], summary: 'Approve a return request: it is re-validated, the shop is notified, the refund is issued once',
  description:
    'Sends the return workflow its approve signal. The answer shows `approved`; the refund follows asynchronously ' +
    '(poll the return for `refunded`). A request that is already decided or expired answers 409. ' +
    '503: the decision was recorded but the workflow service did not confirm it in time; it may have been applied: ' +
    'refresh the return (GET /admin/returns/{id}); approving again answers 409 and hands the recorded decision over once more.',
  errors: [404, 409, 503],
});
export const ZApproveReturnInput = z.strictObject({
  id: ZId.describe('Return request id.'),
  note: ZNote('A note to the customer, included in their email.').optional(),
});
export const ZApproveReturnOutput = ZReturnRequest;
