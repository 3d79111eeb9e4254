import nodemailer from 'nodemailer';
import { composeMime } from './mime.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/**
 * SMTP delivery for the API and the worker. `smtpUrl` is an smtp:// or
 * smtps:// URL (credentials in it). `pool` keeps up to 5 connections open and
 * sends message after message on them (the worker's steady stream of return
 * notices), instead of a connection, greeting and EHLO per message; close()
 * then ends them. Nothing else is configurable on purpose. Messages with
 * plain ASCII addresses go as MIME text built by mime.ts (nodemailer then
 * only delivers them); others are composed by nodemailer.
 */
export function createMailer(opts: { smtpUrl: string; from: string; pool?: boolean }): Mailer {
  const transport = nodemailer.createTransport(opts.pool ? { url: opts.smtpUrl, pool: true, maxConnections: 5 } : opts.smtpUrl);
  return {
    async send(message) {
      await transport.sendMail(composeMime(opts.from, message) ?? { from: opts.from, ...message });
    },
    close() {
      transport.close();
    },
  };
}
