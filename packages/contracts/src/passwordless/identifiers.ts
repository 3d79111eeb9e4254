/*
 * Login identifiers. The value stored and looked up is the normalised one,
 * and it is also the one mail/SMS is sent to, so a lookup can never match an
 * account while the message goes somewhere else.
 */

import { normaliseEmail, type Normalised as NormalisedEmail } from '../common/email.js';

export { normaliseEmail };
export type LoginChannel = 'email' | 'sms';

export type Normalised = NormalisedEmail<LoginChannel>;

/** E.164; spaces, dots, dashes and parentheses used for readability are dropped. */
export function normalisePhone(raw: string): Normalised {
  const compact = raw.trim().replace(/[\s.()-]/g, '');
  if (!/^\+[1-9]\d{6,14}$/.test(compact)) {
    return { ok: false, message: 'must be a phone number in E.164 format, e.g. +14155550123' };
  }
  return { ok: true, channel: 'sms', value: compact };
}

/** With no channel given, a leading + means a phone and anything else an email. */
export function normaliseIdentifier(raw: string, channel?: LoginChannel): Normalised {
  const kind = channel ?? (raw.trim().startsWith('+') ? 'sms' : 'email');
  return kind === 'sms' ? normalisePhone(raw) : normaliseEmail(raw);
}
