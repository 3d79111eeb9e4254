import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { SmsDeliveryError, type SmsSender } from './sender.js';

export interface SnsOptions {
  region: string;
  /** Unset: AWS's regional endpoint. Tests point it at a loopback stand-in. */
  endpoint?: string;
  /** Unset: the SDK's default credential chain (environment, IAM role, ...). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  timeoutMs?: number;
}

/** Amazon SNS direct-to-phone Publish, marked Transactional so carriers prioritise it. */
export function snsSmsSender(opts: SnsOptions): SmsSender {
  const client = new SNSClient({
    region: opts.region,
    ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
    ...(opts.credentials ? { credentials: opts.credentials } : {}),
    maxAttempts: 2,
    requestHandler: { requestTimeout: opts.timeoutMs ?? 10_000, connectionTimeout: 5_000 },
  });
  return {
    provider: 'sns',
    async send(message) {
      try {
        await client.send(
          new PublishCommand({
            PhoneNumber: message.to,
            Message: message.body,
            MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } },
          }),
        );
      } catch (e) {
        const name = e instanceof Error ? e.name : 'Error';
        throw new SmsDeliveryError(`sns: publish failed (${name})`, { cause: e });
      }
    },
    close() {
      client.destroy();
    },
  };
}
