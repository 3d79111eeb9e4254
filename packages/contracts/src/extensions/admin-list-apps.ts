import { z } from 'zod';
import { route } from '../common/route.js';
import { ZExtensionApp } from './schemas.js';

export const adminListAppsMeta = route({
  method: 'GET', path: '/admin/customer-portal/extension-apps', auth: 'admin', scope: 'read_extensions',
  tags: ['Admin', 'Extensions'], summary: 'Installed apps with their iframe host allow-lists and block counts',
});
export const ZAdminListAppsInput = z.strictObject({});
export const ZAdminListAppsOutput = z.object({ items: z.array(ZExtensionApp) });
