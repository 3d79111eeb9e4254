import { route } from '../common/route.js';
import { ZIdInput, ZOk } from '../common/schemas.js';

export const adminDeleteBlockMeta = route({
  method: 'DELETE', path: '/admin/customer-portal/extensions/{id}', auth: 'admin', scope: 'write_extensions',
  tags: ['Admin', 'Extensions'], summary: 'Remove a block from the portal (the app may register it again)',
  errors: [404],
});
export const ZAdminDeleteBlockInput = ZIdInput;
export const ZAdminDeleteBlockOutput = ZOk;
