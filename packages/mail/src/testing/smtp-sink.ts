import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Each top-level header as received, unfolded, by lower-case name (the first of a repeated one); empty unparsed. */
  headers: Record<string, string>;
}

export interface SmtpSink {
  /** smtp:// URL to hand to createMailer / SMTP_URL. */
  url: string;
  messages: ReceivedMail[];
  /** SMTP connections opened to it so far. */
  connections(): number;
  /** Resolves with the first (past or future) message matching `match`. */
  waitFor(match: (m: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 that keeps what it receives: tests read the
 * mail a user would get, and `npm start` uses it as the developer's outbox.
 */
export async function startSmtpSink(
  opts: {
    port?: number;
    onMessage?: (m: ReceivedMail) => void;
    /** false: only the envelope is kept (subject, text and html empty), for benchmarks that count mail and would only pay for parsing it. */
    parse?: boolean;
  } = {},
): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const waiters: { match: (m: ReceivedMail) => boolean; resolve: (m: ReceivedMail) => void }[] = [];
  let connections = 0;
  const server = new SMTPServer({
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const content = opts.parse === false
        ? new Promise<{ subject?: string; text?: string; html?: string | false; headerLines?: { key: string; line: string }[] }>((resolve, reject) => {
          stream.on('end', () => resolve({})).on('error', reject).resume();
        })
        : simpleParser(stream);
      content
        .then((parsed) => {
          const mail: ReceivedMail = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            headers: headersOf(parsed.headerLines ?? []),
          };
          messages.push(mail);
          opts.onMessage?.(mail);
          for (const w of [...waiters]) {
            if (w.match(mail)) {
              waiters.splice(waiters.indexOf(w), 1);
              w.resolve(mail);
            }
          }
          callback();
        })
        .catch((e: Error) => callback(e));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    connections: () => connections,
    waitFor(match, timeoutMs = 10_000) {
      const found = messages.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no matching mail arrived')), timeoutMs);
        waiters.push({ match, resolve: (m) => { clearTimeout(timer); resolve(m); } });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** `Name: value` lines (folded with CRLF + space) to their unfolded values; the first of a repeated header wins. */
function headersOf(lines: readonly { key: string; line: string }[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { key, line } of lines) headers[key] ??= line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
  return headers;
}
