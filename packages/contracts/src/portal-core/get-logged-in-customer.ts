import { z } from 'zod';
import { route } from '../common/route.js';
import { ZId } from '../common/schemas.js';

export const getLoggedInCustomerMeta = route({
  method: 'GET', path: '/subscriptions/cp/api/logged-in-customer', auth: 'optional_customer',
  tags: ['Portal core'], summary: 'The id of the logged-in customer, or null',
  description:
    'Answers `{customer_id}` for a valid customer access token and `null` without one (never 401 for a missing token). ' +
    'A token that is present but invalid, expired or revoked answers 401, so the portal can tell "logged out" from ' +
    '"session ended". No storefront token is needed: the customer token names its shop.',
});
export const ZGetLoggedInCustomerInput = z.strictObject({});
export const ZGetLoggedInCustomerOutput = z
  .object({ customer_id: ZId.describe('The logged-in customer.') })
  .nullable()
  .describe('The logged-in customer, or null when no customer token was sent.');
