import { z } from 'zod';
import { route } from '../common/route.js';
import { ZId } from '../common/schemas.js';
import { ZAdminBlock, ZBlockSettings, ZExtensionPoint } from './schemas.js';

export const adminUpdateBlockMeta = route({
  method: 'PUT', path: '/admin/customer-portal/extensions/{id}', auth: 'admin', scope: 'write_extensions',
  tags: ['Admin', 'Extensions'], summary: 'Switch a block on or off, move it within its slot or to another slot it allows, override its settings',
  description:
    '`position` is the block\'s place in its (new) slot, from 0; the other blocks shift. Moving to a slot outside the block\'s ' +
    '`allowed_points` is 422. `settings` replaces the merchant\'s overrides and may only name settings the app defined (422); ' +
    '`null` values drop an override. Switching a block on clears its recorded render failure, so an inert block is tried again.',
  errors: [404, 422],
});
export const ZAdminUpdateBlockInput = z
  .strictObject({
    id: ZId.describe('Block id.'),
    enabled: z.boolean().optional().describe('The merchant\'s switch.'),
    point: ZExtensionPoint.optional().describe('Move to this slot (one of the block\'s `allowed_points`).'),
    position: z.number().int().min(0).max(10_000).optional().describe('Place within the slot, from 0; past the end means last.'),
    settings: ZBlockSettings.optional().describe('The merchant\'s overrides (replaces the previous ones).'),
  })
  .refine((i) => i.enabled !== undefined || i.point !== undefined || i.position !== undefined || i.settings !== undefined, {
    message: 'give at least one of enabled, point, position, settings',
    path: ['body'],
  });
export const ZAdminUpdateBlockOutput = ZAdminBlock;
