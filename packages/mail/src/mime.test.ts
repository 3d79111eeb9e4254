import { expect, test } from 'vitest';
import { simpleParser } from 'mailparser';
import { composeMime, subjectHeader } from './mime.js';

/*
 * What a mail client makes of composeMime's text, read back with mailparser
 * (the parser the test sink uses): the same subject, addresses, text and
 * HTML that went in, whatever characters they hold, in lines SMTP accepts.
 */

const message = {
  to: 'ada@example.com',
  subject: 'Your return for order #1001 is approved: €25.00 refunded — ¥1,200 ✓ 🎉',
  text: 'Good news: Café Zoë approved your return.\n\n- 1 × Tee (damaged)\n--=_ not a boundary\n.\n',
  html: `<p>Good news: <b>Café Zoë</b> approved your return.</p>${'<p>filler</p>'.repeat(200)}`,
};

test('a client reads back the subject, the addresses, the text and the HTML, non-ASCII included', async () => {
  const built = composeMime('Cartly <no-reply@cartly.test>', message, new Date('2026-12-02T05:06:07Z'))!;
  expect(built.envelope).toEqual({ from: 'no-reply@cartly.test', to: ['ada@example.com'] });
  const mail = await simpleParser(built.raw);
  expect(mail.subject).toBe(message.subject);
  expect(mail.from?.value).toEqual([{ name: 'Cartly', address: 'no-reply@cartly.test' }]);
  expect((mail.to as { value: unknown[] }).value).toEqual([{ name: '', address: 'ada@example.com' }]);
  expect(mail.text).toBe(message.text);
  expect(mail.html).toBe(message.html);
  expect(mail.date?.toISOString()).toBe('2026-12-02T05:06:07.000Z');
  expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@cartly\.test>$/);
});

test('every line is CRLF-terminated and at most 78 characters, and each message gets its own Message-ID', () => {
  const built = composeMime('no-reply@cartly.test', { ...message, subject: 'x'.repeat(300) })!;
  expect(built.raw.endsWith('\r\n')).toBe(true);
  for (const line of built.raw.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
  expect(built.raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const other = composeMime('no-reply@cartly.test', message)!;
  const id = (raw: string) => /^Message-ID: (.*)$/m.exec(raw)![1];
  expect(id(other.raw)).not.toBe(id(built.raw));
});

test('a subject cannot add a header, and a long ASCII one still reads back whole', async () => {
  const hostile = 'Hello\r\nBcc: eve@evil.example\r\n\r\nbody';
  const mail = await simpleParser(composeMime('no-reply@cartly.test', { ...message, subject: hostile })!.raw);
  expect(mail.bcc).toBeUndefined();
  expect(mail.subject).toBe('Hello Bcc: eve@evil.example body');
  const long = 'A return update for order number 1001 from the shop that sold it to you, with every detail';
  expect((await simpleParser(composeMime('no-reply@cartly.test', { ...message, subject: long })!.raw)).subject).toBe(long);
  expect(subjectHeader('Your code')).toBe('Your code');
});

test('a display name with specials is quoted; an address that would need encoding is left to nodemailer', async () => {
  const quoted = await simpleParser(composeMime('Shop, Inc. "East" <shop@cartly.test>', message)!.raw);
  expect(quoted.from?.value).toEqual([{ name: 'Shop, Inc. "East"', address: 'shop@cartly.test' }]);
  expect(composeMime('Zoë <shop@cartly.test>', message)).toBeUndefined();
  expect(composeMime('no-reply@cartly.test', { ...message, to: 'zoë@example.com' })).toBeUndefined();
  expect(composeMime('no-reply@cartly.test', { ...message, to: 'a@example.com, eve@evil.example' })).toBeUndefined();
  expect(composeMime('no-reply@cartly.test', { ...message, to: 'a@example.com\r\nBcc: eve@evil.example' })).toBeUndefined();
});
