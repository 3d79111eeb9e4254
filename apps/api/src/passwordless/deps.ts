import type { Mailer } from '@cartly/mail';
import type { Adapters } from '../adapters/adapters.js';
import type { SmsSender } from '../adapters/sms/sender.js';
import type { SigningKeyRing } from '../adapters/signing-keys.js';
import type { SidePool } from '../adapters/side-pool.js';
import type { Env } from '../env.js';
import { DeliveryTiming } from './delivery-timing.js';
import { otpHasher, type OtpHasher } from './otp-hash.js';

/** What passwordless login uses: its outside systems and its per-process state. */
export interface PasswordlessDeps {
  mailer: Mailer;
  sms: SmsSender;
  keys: SigningKeyRing;
  sidePool: SidePool;
  otpHasher: OtpHasher;
  deliveryTiming: DeliveryTiming;
}

export function passwordlessDeps(adapters: Adapters, env: Env): PasswordlessDeps {
  const { mailer, sms, keys, sidePool } = adapters;
  return { mailer, sms, keys, sidePool, otpHasher: otpHasher(env), deliveryTiming: new DeliveryTiming() };
}
