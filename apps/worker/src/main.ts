import { temporalConnectionConfig } from '@cartly/config';
import { openOrm } from '@cartly/db';
import { createMailer } from '@cartly/mail';
import { loadEnv } from './env.js';
import { Client, Connection } from '@temporalio/client';
import { installTemporalRuntime, startWorker } from './worker.js';
import { ensureSchedules } from './schedules/index.js';

const env = loadEnv();
// TLS, mTLS, API key and the production plaintext refusal: the same parser as the API's, read before anything opens.
const temporal = temporalConnectionConfig(env);
installTemporalRuntime(env.WORKER_LOG_LEVEL);
const orm = await openOrm({ databaseUrl: env.DATABASE_URL, poolMax: env.DATABASE_POOL_MAX });
// Pooled: a return sends two notices, and many returns run at once.
const mailer = createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, pool: true });
try {
  // Every worker ensures the schedules at start: idempotent, so several workers agree on one of each.
  const scheduling = await Connection.connect(temporal);
  try {
    await ensureSchedules(new Client({ connection: scheduling, namespace: env.TEMPORAL_NAMESPACE }), env.TEMPORAL_TASK_QUEUE);
  } finally {
    await scheduling.close();
  }
  const running = await startWorker({
    ...temporal,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    activities: { orm, mailer },
    shutdownGraceTime: env.WORKER_SHUTDOWN_GRACE_SECONDS * 1000,
  });
  console.log(`[worker] serving task queue "${env.TEMPORAL_TASK_QUEUE}" on ${env.TEMPORAL_ADDRESS}${temporal.tls ? ' (TLS)' : ''}`);
  // The SDK's runtime turns SIGINT/SIGTERM into a graceful shutdown; `done` settles once drained.
  await running.done;
} finally {
  mailer.close();
  await orm.close(true);
}
console.log('[worker] stopped');
