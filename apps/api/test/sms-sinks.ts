import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * Loopback stand-ins for the SMS providers' HTTP APIs: they speak the real
 * wire protocol (SNS's Query protocol, Twilio's form-encoded REST API) so the
 * real SDK / fetch client is exercised end to end.
 */

export interface ReceivedSms {
  to: string;
  body: string;
  /** Request details a test may want to assert on (auth scheme, SMS type, sender). */
  meta: Record<string, string>;
}

export interface SmsSink {
  url: string;
  messages: ReceivedSms[];
  /** Refuse the next `n` messages with a provider error. */
  failNext(n?: number): void;
  waitFor(match: (m: ReceivedSms) => boolean, timeoutMs?: number): Promise<ReceivedSms>;
  close(): Promise<void>;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function sink(handle: (req: IncomingMessage, form: URLSearchParams, fail: boolean) => { status: number; type: string; body: string; sms?: ReceivedSms }) {
  const messages: ReceivedSms[] = [];
  const waiters: { match: (m: ReceivedSms) => boolean; resolve: (m: ReceivedSms) => void }[] = [];
  let failures = 0;
  const server = createServer((req, res) => {
    readForm(req)
      .then((form) => {
        const fail = failures > 0;
        if (fail) failures--;
        const out = handle(req, form, fail);
        if (out.sms) {
          messages.push(out.sms);
          for (const w of [...waiters]) if (w.match(out.sms)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(out.sms); }
        }
        res.writeHead(out.status, { 'content-type': out.type });
        res.end(out.body);
      })
      .catch(() => { res.writeHead(500); res.end(); });
  });
  return {
    server,
    messages,
    failNext(n = 1) { failures = n; },
    waitFor(match: (m: ReceivedSms) => boolean, timeoutMs = 10_000) {
      const found = messages.find(match);
      if (found) return Promise.resolve(found);
      return new Promise<ReceivedSms>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no matching SMS arrived')), timeoutMs);
        waiters.push({ match, resolve: (m) => { clearTimeout(timer); resolve(m); } });
      });
    },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** Amazon SNS `Publish` over the Query protocol (form-encoded POST, XML answer). */
export async function startSnsSink(): Promise<SmsSink> {
  const s = sink((req, form, fail) => {
    if (form.get('Action') !== 'Publish') {
      return { status: 400, type: 'text/xml', body: errorXml('InvalidAction', 'only Publish is supported here') };
    }
    if (fail) return { status: 400, type: 'text/xml', body: errorXml('InvalidParameter', 'Invalid parameter: PhoneNumber') };
    const attrs: Record<string, string> = {};
    for (let i = 1; form.has(`MessageAttributes.entry.${i}.Name`); i++) {
      attrs[form.get(`MessageAttributes.entry.${i}.Name`)!] = form.get(`MessageAttributes.entry.${i}.Value.StringValue`) ?? '';
    }
    const sms: ReceivedSms = {
      to: form.get('PhoneNumber') ?? '',
      body: form.get('Message') ?? '',
      meta: {
        authorization: String(req.headers.authorization ?? ''),
        smsType: attrs['AWS.SNS.SMS.SMSType'] ?? '',
        version: form.get('Version') ?? '',
      },
    };
    const body =
      `<?xml version="1.0"?>\n<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">` +
      `<PublishResult><MessageId>${randomUUID()}</MessageId></PublishResult>` +
      `<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></PublishResponse>`;
    return { status: 200, type: 'text/xml', body, sms };
  });
  return { url: await listen(s.server), messages: s.messages, failNext: s.failNext, waitFor: s.waitFor, close: s.close };
}

function errorXml(code: string, message: string): string {
  return `<?xml version="1.0"?>\n<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><Error><Type>Sender</Type>` +
    `<Code>${code}</Code><Message>${message}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`;
}

/** Twilio's `POST /2010-04-01/Accounts/{sid}/Messages.json` with HTTP basic auth. */
export async function startTwilioSink(opts: { accountSid: string; authToken: string }): Promise<SmsSink> {
  const expected = `Basic ${Buffer.from(`${opts.accountSid}:${opts.authToken}`).toString('base64')}`;
  const s = sink((req, form, fail) => {
    const json = (status: number, body: unknown) => ({ status, type: 'application/json', body: JSON.stringify(body) });
    if (req.method !== 'POST' || req.url !== `/2010-04-01/Accounts/${opts.accountSid}/Messages.json`) {
      return json(404, { code: 20404, message: 'The requested resource was not found', status: 404 });
    }
    if (req.headers.authorization !== expected) return json(401, { code: 20003, message: 'Authenticate', status: 401 });
    if (fail) return json(400, { code: 21211, message: "The 'To' number is not a valid phone number.", status: 400 });
    const sms: ReceivedSms = {
      to: form.get('To') ?? '',
      body: form.get('Body') ?? '',
      meta: { from: form.get('From') ?? '', messagingServiceSid: form.get('MessagingServiceSid') ?? '' },
    };
    return { ...json(201, { sid: `SM${randomUUID().replace(/-/g, '')}`, status: 'queued', to: sms.to, body: sms.body }), sms };
  });
  return { url: await listen(s.server), messages: s.messages, failNext: s.failNext, waitFor: s.waitFor, close: s.close };
}
