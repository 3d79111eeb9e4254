import { route } from '../common/route.js';
import { ZIdInput } from '../common/schemas.js';
import { ZReturnRequest } from './schemas.js';

export const getReturnMeta = route({
  method: 'GET', path: '/customer/returns/{id}', auth: 'customer',
  tags: ['Returns'], summary: 'Get one of the customer\'s return requests with status and history', errors: [404],
});
export const ZGetReturnInput = ZIdInput;
export const ZGetReturnOutput = ZReturnRequest;
