import { z } from 'zod';
import { route } from '../common/route.js';
import { CUSTOM_CSS_MAX_BYTES, ZAdminCustomCss } from './css-schemas.js';

export const adminUpdateCustomCssMeta = route({
  method: 'PUT', path: '/admin/customer-portal/css', auth: 'admin', scope: 'write_portal',
  tags: ['Admin', 'Portal core'], summary: 'Replace the custom portal CSS; answers what the sanitiser dropped and why',
  description:
    'The CSS is parsed and rebuilt from what survives an allow-list (see `dropped` for each removal and its reason). ' +
    `More than ${CUSTOM_CSS_MAX_BYTES} bytes answers 413. An empty string removes the custom CSS.`,
  errors: [413],
});
export const ZAdminUpdateCustomCssInput = z.strictObject({
  css: z.string().describe(`The portal CSS, at most ${CUSTOM_CSS_MAX_BYTES} bytes of UTF-8.`),
});
export const ZAdminUpdateCustomCssOutput = ZAdminCustomCss;
