import { z } from 'zod';
import { route } from '../common/route.js';
import { ZOk } from '../common/schemas.js';

export const logoutMeta = route({
  method: 'POST', path: '/storefront/v1/customer/logout', auth: 'storefront_customer',
  tags: ['Customer'], summary: 'Revoke the presented customer access token',
});
export const ZLogoutInput = z.strictObject({}).optional();
export const ZLogoutOutput = ZOk;
