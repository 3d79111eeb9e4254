import { createMailer, type Mailer } from '@cartly/mail';
import type { Env } from '../env.js';
import { temporalGateway, type TemporalGateway } from './temporal.js';
import { signingKeyRing, type SigningKeyRing } from '../auth/signing-keys.js';
import { createSmsSender } from './sms/create-sms-sender.js';
import type { SmsSender } from './sms/sender.js';
import { otpHasher, type OtpHasher } from './passwordless/otp-hash.js';
import { autonomousDb, type AutonomousDb } from './passwordless/autonomous-db.js';
import { DeliveryTiming } from './passwordless/delivery.js';
import { createBlockRenderer, type BlockRenderer } from '../extensions/block-renderer.js';
import { liquidjsEngine } from '../extensions/liquid/liquidjs-engine.js';

/** Outside systems the handlers talk to; tests build them pointed at loopback. */
export interface Services {
  temporal: TemporalGateway;
  mailer: Mailer;
  sms: SmsSender;
  /** Signs magic links and app session tokens; publishes the JWKS. */
  keys: SigningKeyRing;
  otpHasher: OtpHasher;
  /** Side pool for writes that must survive the request's rollback (failed code attempts). */
  autonomousDb: AutonomousDb;
  deliveryTiming: DeliveryTiming;
  /** Liquid sandbox of extension blocks, with its per-process template and output caches. */
  blockRenderer: BlockRenderer;
}

export function createServices(env: Env): Services {
  return {
    temporal: temporalGateway({
      address: env.TEMPORAL_ADDRESS,
      namespace: env.TEMPORAL_NAMESPACE,
      taskQueue: env.TEMPORAL_TASK_QUEUE,
    }),
    mailer: createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM }),
    sms: createSmsSender(env),
    keys: signingKeyRing(env),
    otpHasher: otpHasher(env),
    autonomousDb: autonomousDb({ databaseUrl: env.DATABASE_URL, poolMax: env.DATABASE_SIDE_POOL_MAX }),
    deliveryTiming: new DeliveryTiming(),
    blockRenderer: createBlockRenderer({ engine: liquidjsEngine(), blockTimeMs: env.EXTENSIONS_BLOCK_RENDER_MS }),
  };
}

export async function closeServices(services: Services): Promise<void> {
  await services.temporal.close();
  services.mailer.close();
  services.sms.close();
  await services.autonomousDb.close();
}
