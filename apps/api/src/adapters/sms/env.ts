import { z } from 'zod';

/** Which SMS provider sends login codes, and its credentials. */
export const smsEnvShape = {
  /** `twilio`, `sns` or `mock` (records messages; printed to the console in development). Required in production. */
  SMS_PROVIDER: z.enum(['twilio', 'sns', 'mock']).optional(),
  TWILIO_ACCOUNT_SID: z.string().optional(),
  TWILIO_AUTH_TOKEN: z.string().optional(),
  /** Sender: a phone number in E.164, or a Messaging Service SID (MG...). */
  TWILIO_FROM: z.string().optional(),
  TWILIO_BASE_URL: z.url().default('https://api.twilio.com'),
  SNS_REGION: z.string().default('us-east-1'),
  /** Override the SNS endpoint (e.g. a local stand-in); unset means AWS's. */
  SNS_ENDPOINT: z.url().optional(),
  /** Static credentials for SNS; unset means the AWS SDK's default provider chain (e.g. an IAM role). */
  SNS_ACCESS_KEY_ID: z.string().optional(),
  SNS_SECRET_ACCESS_KEY: z.string().optional(),
};

export const smsProductionRequirements = [{ key: 'SMS_PROVIDER', what: 'twilio, sns or mock' }] as const;
