/** One text message to one phone number (E.164). */
export interface SmsMessage {
  to: string;
  body: string;
}

export interface SmsSender {
  readonly provider: 'twilio' | 'sns' | 'mock';
  /** Resolves once the provider accepted the message; rejects with an Error that names no secret. */
  send(message: SmsMessage): Promise<void>;
  close(): void;
}

/** Raised for a provider refusal or an unreachable provider; the message is safe to log. */
export class SmsDeliveryError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SmsDeliveryError';
  }
}
