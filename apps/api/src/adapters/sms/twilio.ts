import { SmsDeliveryError, type SmsSender } from './sender.js';

export interface TwilioOptions {
  accountSid: string;
  authToken: string;
  /** A sender number (E.164) or a Messaging Service SID (`MG...`). */
  from: string;
  /** https://api.twilio.com unless pointed elsewhere (tests use a loopback stand-in). */
  baseUrl: string;
  timeoutMs?: number;
}

/** Twilio's Messages REST API with plain fetch: one form-encoded POST per message. */
export function twilioSmsSender(opts: TwilioOptions): SmsSender {
  const url = new URL(`2010-04-01/Accounts/${encodeURIComponent(opts.accountSid)}/Messages.json`, opts.baseUrl.replace(/\/?$/, '/'));
  const auth = `Basic ${Buffer.from(`${opts.accountSid}:${opts.authToken}`).toString('base64')}`;
  return {
    provider: 'twilio',
    async send(message) {
      const form = new URLSearchParams({ To: message.to, Body: message.body });
      form.set(opts.from.startsWith('MG') ? 'MessagingServiceSid' : 'From', opts.from);
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
          body: form,
          signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
        });
      } catch (e) {
        throw new SmsDeliveryError('twilio: provider unreachable', { cause: e });
      }
      if (!res.ok) {
        // Twilio's error body carries a numeric code and a message; neither holds our secrets.
        const body = (await res.json().catch(() => ({}))) as { code?: number; message?: string };
        throw new SmsDeliveryError(`twilio: message refused (HTTP ${res.status}${body.code ? `, code ${body.code}` : ''})`);
      }
      await res.body?.cancel().catch(() => undefined);
    },
    close() {},
  };
}
