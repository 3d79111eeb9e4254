/*
 * The one email rule, for login and admin alike. The value stored and looked up is the normalised
 * one, and it is also the one mail is sent to, so a lookup can never match an account while the
 * message goes somewhere else.
 */

export type Normalised<C extends string = string> =
  | { ok: true; channel: C; value: string }
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

export function normaliseEmail(raw: string): Normalised<'email'> {
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

