// The developer's outbox for `npm start`: a real SMTP server on loopback that
// prints every mail it receives, so passwordless login works with no mail service.
import { startSmtpSink } from '@cartly/mail/testing';
import { DEV_SMTP_PORT } from './lib/dev.mjs';

await startSmtpSink({
  port: DEV_SMTP_PORT,
  onMessage(m) {
    process.stdout.write(
      `\n[outbox] mail to ${m.to.join(', ')} — ${m.subject}\n${m.text.trim().split('\n').map((l) => `[outbox]   ${l}`).join('\n')}\n\n`,
    );
  },
});
process.stderr.write(`[cartly] dev outbox listening on smtp://127.0.0.1:${DEV_SMTP_PORT}\n`);
