import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Env } from '../env.js';

/**
 * One-time codes are stored only as HMAC-SHA256 under a server secret and
 * bound to their row id: a leaked table does not give the codes away (1e6
 * candidates are trivial to brute-force from a plain hash), and a hash cannot
 * be copied onto another row.
 */
export interface OtpHasher {
  hash(codeId: string, code: string): string;
  /** Constant-time comparison of a submitted code with the stored hash. */
  matches(codeId: string, code: string, storedHex: string): boolean;
}

export function otpHasher(env: Pick<Env, 'NODE_ENV' | 'OTP_HASH_KEY'>): OtpHasher {
  // Outside production a per-process random key: codes do not survive a restart, which is fine there.
  const key = env.OTP_HASH_KEY ? Buffer.from(env.OTP_HASH_KEY, 'utf8') : randomBytes(32);
  const hash = (codeId: string, code: string) => createHmac('sha256', key).update(`otp:v1:${codeId}:${code}`).digest('hex');
  return {
    hash,
    matches(codeId, code, storedHex) {
      const expected = Buffer.from(storedHex, 'hex');
      const actual = Buffer.from(hash(codeId, code), 'hex');
      return expected.length === actual.length && timingSafeEqual(expected, actual);
    },
  };
}

/** 6 uniformly random digits from the CSPRNG. */
export function newOtpCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, '0');
}

/** A hash no code can have: what an identifier that may not sign up gets, so its DB work looks the same. */
export function unmatchableHash(): string {
  return randomBytes(32).toString('hex');
}
