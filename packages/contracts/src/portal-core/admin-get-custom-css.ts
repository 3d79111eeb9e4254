import { z } from 'zod';
import { route } from '../common/route.js';
import { ZAdminCustomCss } from './css-schemas.js';

export const adminGetCustomCssMeta = route({
  method: 'GET', path: '/admin/customer-portal/css', auth: 'admin', scope: 'read_portal',
  tags: ['Admin', 'Portal core'], summary: 'Get the custom portal CSS as submitted and as served, with what was dropped',
});
export const ZAdminGetCustomCssInput = z.strictObject({});
export const ZAdminGetCustomCssOutput = ZAdminCustomCss;
