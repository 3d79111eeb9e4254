import { domainToASCII } from 'node:url';
import { CONSUMER_EMAIL_DOMAINS } from './consumer-domains.js';

/*
 * Email domains are compared in one form only: IDN-normalised (UTS #46, as
 * browsers and mail servers do, through node:url's domainToASCII) and lower
 * case, so `Bücher.Example`, `bücher.example` and `xn--bcher-kva.example` are
 * one domain, and a look-alike in another script is another.
 */

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** The canonical form of a domain, or null when it is not a DNS host name with at least two labels. */
export function canonicalDomain(raw: string): string | null {
  const trimmed = raw.trim().replace(/\.$/, '');
  if (!trimmed || trimmed.includes('@') || /[/:\s]/.test(trimmed)) return null;
  const ascii = domainToASCII(trimmed).toLowerCase();
  if (!ascii || ascii.length > 253) return null;
  const labels = ascii.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return null;
  if (/^\d+$/.test(labels.at(-1)!)) return null; // an IP address, not a domain
  return ascii;
}

/** The canonical domain of an (already normalised) email address, or null. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  return at < 1 ? null : canonicalDomain(email.slice(at + 1));
}

export function isConsumerDomain(domain: string): boolean {
  return CONSUMER_EMAIL_DOMAINS.has(domain);
}
