import { z } from 'zod';
import { route } from '../common/route.js';
import { pageInputShape, pageOf } from '../common/pagination.js';
import { ZId } from '../common/schemas.js';
import { ZReturnRequest, ZReturnStatus } from './schemas.js';

export const adminListReturnsMeta = route({
  method: 'GET', path: '/admin/returns', auth: 'admin', scope: 'read_returns',
  tags: ['Admin', 'Returns'], summary: 'List return requests, newest first, optionally by status',
});
export const ZAdminListReturnsInput = z.strictObject({
  ...pageInputShape,
  status: ZReturnStatus.optional().describe('Only requests in this status, e.g. `requested` for those awaiting a decision.'),
  order_id: ZId.optional().describe('Only returns of this order.'),
  customer_id: ZId.optional().describe('Only this customer\'s returns.'),
});
export const ZAdminListReturnsOutput = pageOf(ZReturnRequest);
