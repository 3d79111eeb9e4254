import { afterAll, beforeAll, expect, test } from 'vitest';
import { createMailer } from './mailer.js';
import { startSmtpSink, type SmtpSink } from './testing/index.js';

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
});

test('a message sent over SMTP arrives with its subject, text and HTML', async () => {
  const mailer = createMailer({ smtpUrl: sink.url, from: 'Cartly <no-reply@cartly.test>' });
  await mailer.send({ to: 'ada@example.com', subject: 'Your code', text: 'Code: 123456', html: '<p>Code: <b>123456</b></p>' });
  mailer.close();
  const mail = await sink.waitFor((m) => m.to.includes('ada@example.com'));
  expect(mail.subject).toBe('Your code');
  expect(mail.text).toContain('123456');
  expect(mail.html).toContain('<b>123456</b>');
  expect(mail.from).toBe('no-reply@cartly.test');
});

test('delivery to an SMTP server that is not there fails loudly', async () => {
  const mailer = createMailer({ smtpUrl: 'smtp://127.0.0.1:1', from: 'no-reply@cartly.test' });
  await expect(mailer.send({ to: 'a@example.com', subject: 's', text: 't', html: 'h' })).rejects.toThrow();
  mailer.close();
});
