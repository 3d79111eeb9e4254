import type { Env } from '../../env.js';
import { mockSmsSender } from './mock.js';
import type { SmsSender } from './sender.js';
import { snsSmsSender } from './sns.js';
import { twilioSmsSender } from './twilio.js';

/** The SMS_PROVIDER's sender; a misconfiguration fails at startup, not at the first login. */
export function createSmsSender(env: Env): SmsSender {
  const provider = env.SMS_PROVIDER ?? (env.NODE_ENV === 'production' ? undefined : 'mock');
  switch (provider) {
    case 'twilio': {
      if (!env.TWILIO_ACCOUNT_SID || !env.TWILIO_AUTH_TOKEN || !env.TWILIO_FROM) {
        throw new Error('invalid configuration: SMS_PROVIDER=twilio needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM');
      }
      return twilioSmsSender({
        accountSid: env.TWILIO_ACCOUNT_SID,
        authToken: env.TWILIO_AUTH_TOKEN,
        from: env.TWILIO_FROM,
        baseUrl: env.TWILIO_BASE_URL,
      });
    }
    case 'sns': {
      if (Boolean(env.SNS_ACCESS_KEY_ID) !== Boolean(env.SNS_SECRET_ACCESS_KEY)) {
        throw new Error('invalid configuration: set both SNS_ACCESS_KEY_ID and SNS_SECRET_ACCESS_KEY, or neither');
      }
      return snsSmsSender({
        region: env.SNS_REGION,
        endpoint: env.SNS_ENDPOINT,
        credentials: env.SNS_ACCESS_KEY_ID && env.SNS_SECRET_ACCESS_KEY
          ? { accessKeyId: env.SNS_ACCESS_KEY_ID, secretAccessKey: env.SNS_SECRET_ACCESS_KEY }
          : undefined,
      });
    }
    case 'mock':
      return mockSmsSender({ print: env.NODE_ENV === 'development' });
    default:
      throw new Error('invalid configuration: SMS_PROVIDER (twilio, sns or mock) is required in production');
  }
}
