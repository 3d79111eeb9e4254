import { z } from 'zod';

/** Passwordless login's settings (README, Configuration). */
export const passwordlessEnvShape = {
  CAT_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 14),
  /** HMAC key for one-time codes (>= 32 chars). Required in production; elsewhere a random key per process. */
  OTP_HASH_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  OTP_RESEND_COOLDOWN_SECONDS: z.coerce.number().int().min(0).default(60),
  OTP_MAX_PER_IDENTIFIER_15MIN: z.coerce.number().int().min(1).default(5),
  OTP_MAX_PER_IDENTIFIER_DAY: z.coerce.number().int().min(1).default(20),
  /** Code/link requests per client IP per shop per 15 minutes. */
  OTP_MAX_PER_IP_15MIN: z.coerce.number().int().min(1).default(30),
  /** Code verifications per client IP per shop per 15 minutes (bounds guessing across many identifiers). */
  OTP_VERIFY_MAX_PER_IP_15MIN: z.coerce.number().int().min(1).default(100),
};

export const passwordlessProductionRequirements = [
  { key: 'OTP_HASH_KEY', what: 'at least 32 characters' },
] as const;
