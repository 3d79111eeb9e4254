import { z } from 'zod';
import { databaseEnvShape, mailEnvShape, nodeEnvShape, parseEnv, temporalEnvShape } from '@cartly/config';

/** The only place the API reads process.env; everything else receives an Env. */
const ZEnv = z.object({
  ...nodeEnvShape,
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  ...databaseEnvShape(10),
  ...temporalEnvShape,
  /** Where customers reach the API; links in emails are built from it, never from Host. */
  PUBLIC_BASE_URL: z.url().default('http://127.0.0.1:3000'),
  ...mailEnvShape,
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(100 * 1024),
  CAT_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 14),
  /** Use X-Forwarded-For for the client IP only behind a trusted proxy. */
  TRUST_PROXY: z.stringbool().default(false),

  // Passwordless login and app session tokens (issue #3).
  /** HMAC key for one-time codes (>= 32 chars). Required in production; elsewhere a random key per process. */
  OTP_HASH_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  /**
   * JSON array of ES256 private keys that sign magic links and ASTs: each a private JWK with `kid`, or
   * `{"kid": "...", "pem": "-----BEGIN PRIVATE KEY-----..."}`. The first signs; the others stay in the JWKS and
   * keep verifying (rotation). Required in production; elsewhere a key is generated at startup.
   */
  JWT_SIGNING_KEYS: z.string().optional(),
  OTP_RESEND_COOLDOWN_SECONDS: z.coerce.number().int().min(0).default(60),
  OTP_MAX_PER_IDENTIFIER_15MIN: z.coerce.number().int().min(1).default(5),
  OTP_MAX_PER_IDENTIFIER_DAY: z.coerce.number().int().min(1).default(20),
  /** Code/link requests per client IP per shop per 15 minutes. */
  OTP_MAX_PER_IP_15MIN: z.coerce.number().int().min(1).default(30),
  /** Code verifications per client IP per shop per 15 minutes (bounds guessing across many identifiers). */
  OTP_VERIFY_MAX_PER_IP_15MIN: z.coerce.number().int().min(1).default(100),
  /** Connections of the small second pool used for writes that must commit even when the request fails. */
  DATABASE_SIDE_POOL_MAX: z.coerce.number().int().min(1).default(3),
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

  // Portal extension points (issue #10).
  /** Time all Liquid blocks of one slot may take together per query; blocks past it come back empty. */
  EXTENSIONS_RENDER_BUDGET_MS: z.coerce.number().int().min(10).max(5_000).default(250),
  /** Time one Liquid block may take; a block that needs more becomes inert (empty) until its next version. */
  EXTENSIONS_BLOCK_RENDER_MS: z.coerce.number().int().min(5).max(5_000).default(50),
});
export type Env = z.infer<typeof ZEnv>;

export function loadEnv(source: NodeJS.ProcessEnv = process.env, overrides: Partial<Env> = {}): Env {
  return parseEnv(ZEnv, source, overrides);
}

/** For module-level setup that runs before an Env exists (the tRPC error formatter). */
export function isDevelopment(): boolean {
  return process.env.NODE_ENV === 'development';
}
