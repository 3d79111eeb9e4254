import { z } from 'zod';
import { text } from '../common/text.js';
import { ZCustomerAccessToken } from './customer-access-token.js';
import { normaliseIdentifier, type LoginChannel } from './identifiers.js';
import { ZSsoRequired } from '../sso/schemas.js';

export const OTP_CODE_LENGTH = 6;

export const ZLoginChannel = z.enum(['email', 'sms']).describe('How the code is delivered: `email` (SMTP) or `sms`.');

/** Raw identifier text; the request schemas normalise it (see identifiers.ts). */
export const ZRawIdentifier = text({ min: 1, max: 320 })
  .describe('Email address (trimmed, NFKC-normalised, lower-cased; quoted or look-alike forms are refused) or phone number in E.164.');

export const ZOtpCode = z
  .string()
  .regex(new RegExp(`^\\d{${OTP_CODE_LENGTH}}$`), `must be the ${OTP_CODE_LENGTH}-digit code`)
  .describe(`The ${OTP_CODE_LENGTH}-digit one-time code that was sent.`);

/**
 * What a login request always answers, whether or not the identifier belongs
 * to a customer: nothing in it may depend on that.
 */
export const ZLoginRequested = z
  .object({
    accepted: z.literal(true).describe('The request was accepted. It says nothing about whether the identifier is known.'),
    resend_after_seconds: z.number().int().describe('Seconds before another request for the same identifier is allowed.'),
    expires_in_seconds: z.number().int().describe('How long a code or link sent for this request stays valid.'),
  })
  .describe('Same answer for known and unknown identifiers.');
export type LoginRequested = z.infer<typeof ZLoginRequested>;

/**
 * What an email code or magic-link request answers: accepted (same for known and
 * unknown addresses), or, for an email of a domain whose company enforces SSO,
 * `accepted: false` with the company to log in with instead (nothing is sent).
 * SMS requests always get the first.
 */
export const ZLoginRequestAnswer = z.union([ZLoginRequested, ZSsoRequired]);
export type LoginRequestAnswer = z.infer<typeof ZLoginRequestAnswer>;

export const ZMagicLinkLogin = ZCustomerAccessToken.extend({
  redirect_url: z
    .string()
    .nullable()
    .describe('Where the confirm page should send the customer: the link\'s redirect_url, re-checked against the shop\'s allow-list; null if none.'),
}).describe('A customer access token (CAT), plus the validated redirect target of the link.');
export type MagicLinkLogin = z.infer<typeof ZMagicLinkLogin>;

/** Turns a `{identifier, ...}` object's identifier into its normalised form or a field error. */
export function normaliseIdentifierField<T extends { identifier: string; channel?: LoginChannel }>(
  input: T,
  ctx: z.RefinementCtx,
): T & { channel: LoginChannel } {
  const result = normaliseIdentifier(input.identifier, input.channel);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', path: ['identifier'], message: result.message });
    return z.NEVER;
  }
  return { ...input, identifier: result.value, channel: result.channel };
}
