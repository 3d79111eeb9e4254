import { z } from 'zod';
import { route } from '../common/route.js';
import { normaliseIdentifierField, ZLoginChannel, ZLoginRequestAnswer, ZRawIdentifier } from './schemas.js';

export const requestOtpMeta = route({
  method: 'POST', path: '/storefront/v1/customer/otp/request', auth: 'storefront',
  tags: ['Passwordless login'], summary: 'Send a one-time login code by email or SMS',
  description:
    'Sends a 6-digit code valid for 15 minutes (a shop may shorten it); a new code voids the previous one. ' +
    'The answer is the same whether or not the identifier belongs to a customer. An unknown identifier becomes a ' +
    'customer on its first successful verification unless the shop has turned passwordless sign-up off. ' +
    'Limits: one request per identifier per 60 s, 5 per 15 minutes and 20 per day, and a per-IP cap; ' +
    'over a limit the answer is 429 with `Retry-After`. A delivery failure answers 500 and leaves the previous code valid. ' +
    'Enforced SSO: for an email whose domain belongs to a company that enforces SSO, nothing is sent and the answer is ' +
    '`{"accepted": false, "sso": {company_id, company_name, provider}}`; log in with `GET /storefront/v1/customer/sso/init` instead (SMS codes are unaffected).',
  errors: [429],
});
export const ZRequestOtpInput = z
  .strictObject({ identifier: ZRawIdentifier, channel: ZLoginChannel })
  .transform(normaliseIdentifierField);
export const ZRequestOtpOutput = ZLoginRequestAnswer;
