import { z } from 'zod';
import { route } from '../common/route.js';
import { ZCustomerAccessToken } from './customer-access-token.js';
import { normaliseIdentifierField, ZOtpCode, ZRawIdentifier } from './schemas.js';

export const verifyOtpMeta = route({
  method: 'POST', path: '/storefront/v1/customer/otp/verify', auth: 'storefront',
  tags: ['Passwordless login'], summary: 'Exchange a one-time code for a customer access token',
  description:
    'The identifier is the one the code was requested for (a leading `+` means a phone number). A code works once; ' +
    'after 5 wrong attempts it is dead. Wrong, expired, superseded, used or dead codes all answer the same 401.',
  errors: [401, 429],
});
export const ZVerifyOtpInput = z
  .strictObject({ identifier: ZRawIdentifier, code: ZOtpCode })
  .transform(normaliseIdentifierField);
export const ZVerifyOtpOutput = ZCustomerAccessToken;
