import { z } from 'zod';
import { route } from '../common/route.js';
import { ZAdminBlock, ZExtensionPoint } from './schemas.js';

export const adminListBlocksMeta = route({
  method: 'GET', path: '/admin/customer-portal/extensions', auth: 'admin', scope: 'read_extensions',
  tags: ['Admin', 'Extensions'], summary: 'Every extension block of the shop\'s installed apps, by slot and position, with its last render error',
  description: 'Not paginated: ordered by slot and position, and bounded (50 blocks per app).',
});
export const ZAdminListBlocksInput = z.strictObject({
  point: ZExtensionPoint.optional().describe('Only this slot.'),
});
export const ZAdminListBlocksOutput = z.object({ items: z.array(ZAdminBlock) });
