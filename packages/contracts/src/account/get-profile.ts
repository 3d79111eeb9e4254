import { z } from 'zod';
import { route } from '../common/route.js';
import { ZProfile } from './schemas.js';

export const getProfileMeta = route({
  method: 'GET', path: '/storefront/v1/customer/profile', auth: 'storefront_customer',
  tags: ['Customer'], summary: 'Get the logged-in customer\'s profile',
});
export const ZGetProfileInput = z.void();
export const ZGetProfileOutput = ZProfile;
