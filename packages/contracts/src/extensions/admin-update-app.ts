import { z } from 'zod';
import { route } from '../common/route.js';
import { ZId } from '../common/schemas.js';
import { ZExtensionApp, ZIframeHost } from './schemas.js';

export const adminUpdateAppMeta = route({
  method: 'PUT', path: '/admin/customer-portal/extension-apps/{id}', auth: 'admin', scope: 'write_extensions',
  tags: ['Admin', 'Extensions'], summary: 'Replace an installed app\'s iframe host allow-list',
  description: 'Iframe blocks whose host leaves the list stop being shown at once (and the app can no longer register such URLs).',
  errors: [404],
});
export const ZAdminUpdateAppInput = z.strictObject({
  id: ZId.describe('App id.'),
  iframe_hosts: z
    .array(ZIframeHost)
    .max(20)
    .transform((hosts) => [...new Set(hosts)])
    .describe('Hosts the app may frame (at most 20).'),
});
export const ZAdminUpdateAppOutput = ZExtensionApp;
