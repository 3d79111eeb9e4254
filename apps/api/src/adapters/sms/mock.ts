import type { SmsMessage, SmsSender } from './sender.js';

export interface MockSmsSender extends SmsSender {
  readonly provider: 'mock';
  /** Every message "sent", oldest first: the developer's (and the tests') outbox. */
  readonly messages: (SmsMessage & { sentAt: Date })[];
}

/**
 * Delivers nowhere. In development each message is printed so the demo login
 * works without an SMS account; elsewhere it is only recorded in memory.
 */
export function mockSmsSender(opts: { print: boolean; limit?: number }): MockSmsSender {
  const messages: (SmsMessage & { sentAt: Date })[] = [];
  const limit = opts.limit ?? 1000;
  return {
    provider: 'mock',
    messages,
    async send(message) {
      messages.push({ ...message, sentAt: new Date() });
      // Bounded so a long-running dev server does not grow without limit.
      if (messages.length > limit) messages.splice(0, messages.length - limit);
      if (opts.print) console.log(`[sms:mock] to ${message.to}: ${message.body}`);
    },
    close() {},
  };
}
