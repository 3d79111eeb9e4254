import { z } from 'zod';
import { route } from '../common/route.js';
import { ZAccountApiProvider } from './account-api-schemas.js';

export const adminGetAccountApiProviderMeta = route({
  method: 'GET', path: '/admin/customer-account-api/provider', auth: 'admin', scope: 'read_account_api',
  tags: ['Admin', 'Customer Account API'], summary: 'The shop\'s Customer Account API provider (404 when none is configured)',
  errors: [404],
});
export const ZAdminGetAccountApiProviderInput = z.void();
export const ZAdminGetAccountApiProviderOutput = ZAccountApiProvider;
