import { z } from 'zod';
import { route } from '../common/route.js';
import { ZAccountApiStatus } from './account-api-schemas.js';

export const getAccountApiStatusMeta = route({
  method: 'GET', path: '/subscriptions/cp/api/customer-account-api/status', auth: 'customer',
  tags: ['Portal core', 'Customer Account API'], summary: 'Whether the customer has connected their account at the provider',
});
export const ZGetAccountApiStatusInput = z.void();
export const ZGetAccountApiStatusOutput = ZAccountApiStatus;
