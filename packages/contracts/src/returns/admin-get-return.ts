import { route } from '../common/route.js';
import { ZIdInput } from '../common/schemas.js';
import { ZReturnRequest } from './schemas.js';

export const adminGetReturnMeta = route({
  method: 'GET', path: '/admin/returns/{id}', auth: 'admin', scope: 'read_returns',
  tags: ['Admin', 'Returns'], summary: 'Get a return request with status and history', errors: [404],
});
export const ZAdminGetReturnInput = ZIdInput;
export const ZAdminGetReturnOutput = ZReturnRequest;
