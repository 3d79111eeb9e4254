import { z } from 'zod';
import { route } from '../common/route.js';
import { ZPortalSettings, ZPortalSettingsDocument } from './settings-schemas.js';

export const adminUpdatePortalSettingsMeta = route({
  method: 'PUT', path: '/admin/customer-portal/settings', auth: 'admin', scope: 'write_portal',
  tags: ['Admin', 'Portal core'], summary: 'Replace the customer-portal settings with a new version',
  description:
    'Validates the whole document (400 names the field) and saves it as the next version; earlier versions are kept. ' +
    'With `expected_version`, the save is refused with 409 if someone saved in between.',
  errors: [409],
});
export const ZAdminUpdatePortalSettingsInput = z.strictObject({
  settings: ZPortalSettingsDocument,
  expected_version: z
    .number().int().min(0).optional()
    .describe('The version this edit was based on (0 for the defaults); 409 when the current version differs.'),
});
export const ZAdminUpdatePortalSettingsOutput = ZPortalSettings;
