import { z } from 'zod';
import { route } from '../common/route.js';
import { text } from '../common/text.js';
import { ZLoginRequestAnswer, ZRawIdentifier } from './schemas.js';
import { normaliseEmail } from './identifiers.js';

export const requestMagicLinkMeta = route({
  method: 'POST', path: '/storefront/v1/customer/magic-link/request', auth: 'storefront',
  tags: ['Passwordless login'], summary: 'Email a signed login link',
  description:
    'Emails a link to `{PUBLIC_BASE_URL}/magic-link#token=<jwt>` (never built from the request\'s Host). That page ' +
    'carries the token in the URL fragment, which is never sent to a server, so mail scanners that fetch the link ' +
    'do not use it up; when the customer confirms, the page calls `GET /storefront/v1/customer/magic-link/verify`. ' +
    'The link is valid for 15 minutes and works once. `redirect_url` must be on the shop\'s allow-list. ' +
    'Same limits and same answer for known and unknown emails as the OTP request. ' +
    'Enforced SSO: for an email whose domain belongs to a company that enforces SSO, nothing is sent and the answer is ' +
    '`{"accepted": false, "sso": {company_id, company_name, provider}}`; log in with `GET /storefront/v1/customer/sso/init` instead (this reveals that the domain uses SSO, never whether the address is a customer).',
  errors: [429],
});
export const ZRequestMagicLinkInput = z
  .strictObject({
    email: ZRawIdentifier.describe('Email address (trimmed, NFKC-normalised, lower-cased; quoted or look-alike forms are refused).'),
    redirect_url: text({ max: 2000 })
      .optional()
      .describe('Where to send the customer after login; must match an entry of the shop\'s redirect allow-list.'),
  })
  .transform((input, ctx) => {
    const email = normaliseEmail(input.email);
    if (!email.ok) {
      ctx.addIssue({ code: 'custom', path: ['email'], message: email.message });
      return z.NEVER;
    }
    return { ...input, email: email.value };
  });
export const ZRequestMagicLinkOutput = ZLoginRequestAnswer;
