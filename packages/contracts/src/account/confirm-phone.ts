import { z } from 'zod';
import { route } from '../common/route.js';
import { ZOtpCode } from '../passwordless/schemas.js';
import { ZProfile } from './schemas.js';

export const confirmPhoneMeta = route({
  method: 'POST', path: '/storefront/v1/customer/phone/confirm', auth: 'storefront_customer',
  tags: ['Customer'], summary: 'Confirm the pending phone with the code sent to it',
  description:
    'Makes `pending_phone` the login phone. A number another customer had is moved to this one (the code proves ' +
    'who holds it now), and the customer\'s other sessions are revoked. A wrong or expired code is 400.',
  errors: [400, 429],
});
export const ZConfirmPhoneInput = z.strictObject({ code: ZOtpCode });
export const ZConfirmPhoneOutput = ZProfile;
