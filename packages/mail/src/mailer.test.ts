import { afterAll, beforeAll, expect, test } from 'vitest';
import { createMailer, type MailMessage } from './mailer.js';
import { startSmtpSink, type SmtpSink } from './testing/index.js';

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
});

/** One message through a fresh unpooled mailer, as the sink received it. */
async function sendAndRead(from: string, message: MailMessage) {
  const mailer = createMailer({ smtpUrl: sink.url, from });
  await mailer.send(message);
  mailer.close();
  return sink.waitFor((m) => m.to.includes(message.to));
}

test('a message sent over SMTP arrives with its subject, text and HTML', async () => {
  const mail = await sendAndRead('Cartly <no-reply@cartly.test>', { to: 'ada@example.com', subject: 'Your code', text: 'Code: 123456', html: '<p>Code: <b>123456</b></p>' });
  expect(mail.subject).toBe('Your code');
  expect(mail.text).toContain('123456');
  expect(mail.html).toContain('<b>123456</b>');
  expect(mail.from).toBe('no-reply@cartly.test');
  // Built by mime.ts (its boundary), not by nodemailer's composer, which an address needing no encoding never reaches.
  expect(mail.headers['content-type']).toMatch(/^multipart\/alternative; boundary="=_cartly_[0-9a-f-]{36}"$/);
});

test('an address that needs encoding is composed by nodemailer and arrives all the same', async () => {
  const mail = await sendAndRead('Zoë <no-reply@cartly.test>', { to: 'zoe@example.com', subject: 'Café', text: 'Code: 654321', html: '<p>654321</p>' });
  expect(mail.subject).toBe('Café');
  expect(mail.text).toContain('654321');
  expect(mail.headers['content-type']).not.toContain('=_cartly_');
});

test('delivery to an SMTP server that is not there fails loudly', async () => {
  const mailer = createMailer({ smtpUrl: 'smtp://127.0.0.1:1', from: 'no-reply@cartly.test' });
  await expect(mailer.send({ to: 'a@example.com', subject: 's', text: 't', html: 'h' })).rejects.toThrow();
  mailer.close();
});

test('a pooled mailer sends message after message on one connection, and close() ends it so the server can stop', async () => {
  const own = await startSmtpSink();
  const mailer = createMailer({ smtpUrl: own.url, from: 'no-reply@cartly.test', pool: true });
  for (let i = 0; i < 4; i++) await mailer.send({ to: `p${i}@example.com`, subject: `n${i}`, text: 't', html: 'h' });
  await own.waitFor((m) => m.to.includes('p3@example.com'));
  expect(own.messages.map((m) => m.subject)).toEqual(['n0', 'n1', 'n2', 'n3']);
  expect(own.connections()).toBe(1);
  mailer.close();
  const started = Date.now();
  await own.close();
  // No connection left for the server to wait out (its own timeout is far longer).
  expect(Date.now() - started).toBeLessThan(5_000);
});

test('an unpooled mailer opens a connection per message', async () => {
  const own = await startSmtpSink();
  const mailer = createMailer({ smtpUrl: own.url, from: 'no-reply@cartly.test' });
  for (let i = 0; i < 3; i++) await mailer.send({ to: `u${i}@example.com`, subject: `n${i}`, text: 't', html: 'h' });
  expect(own.connections()).toBe(3);
  mailer.close();
  await own.close();
});
