import { z } from 'zod';
import { route } from '../common/route.js';
import { pageInputShape, pageOf } from '../common/pagination.js';
import { ZReturnRequest, ZReturnStatus } from './schemas.js';

export const listReturnsMeta = route({
  method: 'GET', path: '/customer/returns', auth: 'customer',
  tags: ['Returns'], summary: 'List the customer\'s return requests with status and history, newest first',
});
export const ZListReturnsInput = z.strictObject({
  ...pageInputShape,
  status: ZReturnStatus.optional().describe('Only requests in this status.'),
});
export const ZListReturnsOutput = pageOf(ZReturnRequest);
