import { createMailer, type Mailer } from '@cartly/mail';
import type { Env } from '../env.js';
import { temporalGateway, type TemporalGateway } from './temporal.js';
import { signingKeyRing, type SigningKeyRing } from './signing-keys.js';
import { createSmsSender } from './sms/create-sms-sender.js';
import type { SmsSender } from './sms/sender.js';
import { sidePool, type SidePool } from './side-pool.js';
import { secretBoxFromEnv, type SecretBox } from '../lib/secret-box.js';

/**
 * The outside systems the API talks to, opened once per process; tests build
 * them pointed at loopback. Domains never take this whole bag: each picks what
 * it uses in its own deps.ts.
 */
export interface Adapters {
  temporal: TemporalGateway;
  mailer: Mailer;
  sms: SmsSender;
  /** Signs magic links and app session tokens; publishes the JWKS. */
  keys: SigningKeyRing;
  /** Side pool for writes that must survive the request's rollback (failed code attempts). */
  sidePool: SidePool;
  /**
   * Seals secrets at rest (AES-256-GCM, DATA_ENCRYPTION_KEYS): one per process, so every domain
   * (portal core's tokens, SSO client secrets) opens what another part of the process sealed.
   */
  secretBox: SecretBox;
}

export function createAdapters(env: Env): Adapters {
  return {
    temporal: temporalGateway({
      address: env.TEMPORAL_ADDRESS,
      namespace: env.TEMPORAL_NAMESPACE,
      taskQueue: env.TEMPORAL_TASK_QUEUE,
    }),
    mailer: createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM }),
    sms: createSmsSender(env),
    keys: signingKeyRing(env),
    sidePool: sidePool({ databaseUrl: env.DATABASE_URL, poolMax: env.DATABASE_SIDE_POOL_MAX }),
    secretBox: secretBoxFromEnv(env),
  };
}

export async function closeAdapters(adapters: Adapters): Promise<void> {
  await adapters.temporal.close();
  adapters.mailer.close();
  adapters.sms.close();
  await adapters.sidePool.close();
}
