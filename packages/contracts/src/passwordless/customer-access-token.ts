import { z } from 'zod';
import { ZId, ZTimestamp } from '../common/schemas.js';

/** What every login method returns: a customer access token (CAT). */
export const ZCustomerAccessToken = z
  .object({
    access_token: z.string().describe('Customer access token; send as `Authorization: Bearer <token>`.'),
    expires_at: ZTimestamp,
    customer_id: ZId,
  })
  .describe('A customer access token (CAT).');
export type CustomerAccessTokenResult = z.infer<typeof ZCustomerAccessToken>;
