import { z } from 'zod';
import { route } from '../common/route.js';
import { ZPortalSettings } from './settings-schemas.js';

export const adminGetPortalSettingsMeta = route({
  method: 'GET', path: '/admin/customer-portal/settings', auth: 'admin', scope: 'read_portal',
  tags: ['Admin', 'Portal core'], summary: 'Get the customer-portal settings, the current or an earlier version',
  description: 'Every saved version is kept; `version` reads an earlier one (404 if it never existed).',
  errors: [404],
});
export const ZAdminGetPortalSettingsInput = z.strictObject({
  version: z.coerce.number().int().min(1).optional().describe('An earlier saved version; omit for the current settings.'),
});
export const ZAdminGetPortalSettingsOutput = ZPortalSettings;
