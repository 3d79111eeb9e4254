/*
 * Login identifiers. The value stored and looked up is the normalised one,
 * and it is also the one mail/SMS is sent to, so a lookup can never match an
 * account while the message goes somewhere else.
 */

export type LoginChannel = 'email' | 'sms';

export type Normalised =
  | { ok: true; channel: LoginChannel; value: string }
  | { ok: false; message: string };

/**
 * Characters that give an address its structure. NFKC may turn look-alikes
 * into them (full-width ＠ into @, ＂ into "), which would let a validator and
 * a mail server read one input as two different addresses; such input is
 * refused rather than "fixed".
 */
const STRUCTURAL = /[@"'(),.:;<>[\]\\\s%!]/g;

// Dot-atom local part of a conservative character set, LDH domain labels.
const ATOM = "[a-z0-9_'+-]+";
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const PLAIN_EMAIL = new RegExp(`^${ATOM}(?:\\.${ATOM})*@(?:${LABEL}\\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$`);

export function normaliseEmail(raw: string): Normalised {
  const trimmed = raw.trim();
  const nfkc = trimmed.normalize('NFKC');
  const structure = (s: string) => (s.match(STRUCTURAL) ?? []).join('');
  if (structure(trimmed) !== structure(nfkc)) {
    return { ok: false, message: 'must be a plain email address (look-alike characters such as a full-width @ are not accepted)' };
  }
  const value = nfkc.toLowerCase();
  const at = value.indexOf('@');
  if (value.length > 254 || at > 64 || !PLAIN_EMAIL.test(value)) {
    return { ok: false, message: 'must be a plain email address such as name@example.com (no quoted or commented parts)' };
  }
  return { ok: true, channel: 'email', value };
}

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
