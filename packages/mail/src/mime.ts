import { randomUUID } from 'node:crypto';
import type { MailMessage } from './mailer.js';

/*
 * The MIME text of a message of ours, built directly: every message is the
 * same shape (a text and an HTML alternative, UTF-8), and nodemailer's
 * composer spent more CPU on it than the SMTP delivery did (a tree of MIME
 * nodes, a stream pipeline per part, six random draws per message; the
 * returns bench sends two per return). Both parts are base64, so no line
 * of the body can be long or look like the boundary (base64 has no "-").
 * Only plain ASCII addresses take this path; anything else (a display name
 * or an address outside ASCII) is left to nodemailer's composer.
 */

export interface RawMessage {
  envelope: { from: string; to: string[] };
  raw: string;
}

/** An address nothing has to be encoded or quoted in: printable ASCII, no specials, one @. */
const PLAIN_ADDRESS = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9.-]+$/;
/** `Name <address>` or a bare address; the name printable ASCII. */
const FROM = /^\s*(?:([ -~]*?)\s*<([^<>]+)>|([^<>\s]+))\s*$/;
/** Characters that make a display name need quotes (RFC 5322 specials). */
const SPECIALS = /[()<>[\]:;@\\,."]/;

function fromHeader(from: string): { header: string; address: string } | undefined {
  const m = FROM.exec(from);
  const address = m?.[2] ?? m?.[3];
  if (!m || !address || !PLAIN_ADDRESS.test(address)) return undefined;
  const name = m[1]?.trim();
  if (!name) return { header: address, address };
  const shown = SPECIALS.test(name) ? `"${name.replace(/["\\]/g, '\\$&')}"` : name;
  return { header: `${shown} <${address}>`, address };
}

/**
 * A subject as one header line when it is short printable ASCII, else as
 * RFC 2047 encoded words (UTF-8, base64) of at most 40 bytes each (a line of
 * at most 78 characters), never
 * splitting a character, folded one per line. CR, LF and tabs become spaces.
 */
export function subjectHeader(subject: string): string {
  const flat = subject.replace(/[\r\n\t]+/g, ' ');
  if (/^[ -~]{0,68}$/.test(flat)) return flat;
  const words: string[] = [];
  let chunk: Buffer[] = [];
  let size = 0;
  const flush = () => {
    words.push(`=?UTF-8?B?${Buffer.concat(chunk).toString('base64')}?=`);
    chunk = [];
    size = 0;
  };
  for (const char of flat) {
    const bytes = Buffer.from(char, 'utf8');
    if (size + bytes.length > 40) flush();
    chunk.push(bytes);
    size += bytes.length;
  }
  if (size > 0) flush();
  return words.join('\r\n ');
}

/** Base64 in lines of 76 (RFC 2045). */
function base64Lines(text: string): string {
  const b64 = Buffer.from(text, 'utf8').toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 76) lines.push(b64.slice(i, i + 76));
  return lines.join('\r\n');
}

/** RFC 5322 date: nodemailer's form, `toUTCString` with a numeric zone. */
const dateHeader = (now: Date) => now.toUTCString().replace(/GMT$/, '+0000');

/** The message as SMTP sends it, or undefined when an address needs encoding (nodemailer composes those). */
export function composeMime(from: string, message: MailMessage, now: Date = new Date()): RawMessage | undefined {
  const sender = fromHeader(from);
  if (!sender || !PLAIN_ADDRESS.test(message.to)) return undefined;
  const id = randomUUID();
  const boundary = `=_cartly_${id}`;
  const domain = sender.address.slice(sender.address.lastIndexOf('@') + 1);
  const part = (type: string, body: string) =>
    `--${boundary}\r\nContent-Type: ${type}; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64Lines(body)}\r\n`;
  const raw =
    `From: ${sender.header}\r\n` +
    `To: ${message.to}\r\n` +
    `Subject: ${subjectHeader(message.subject)}\r\n` +
    `Date: ${dateHeader(now)}\r\n` +
    `Message-ID: <${id}@${domain}>\r\n` +
    'MIME-Version: 1.0\r\n' +
    `Content-Type: multipart/alternative;\r\n boundary="${boundary}"\r\n` +
    '\r\n' +
    part('text/plain', message.text) +
    part('text/html', message.html) +
    `--${boundary}--\r\n`;
  return { envelope: { from: sender.address, to: [message.to] }, raw };
}
