// The real worker in a process of its own (for tests that SIGKILL one): the API's settings
// (DATABASE_URL, SMTP_URL, TEMPORAL_*) from the parent, `{ ready: true }` over IPC once polling.
// Test-only (devDependency): the API itself never loads worker code.
import { temporalConnectionConfig } from '@cartly/config';
import { openOrm } from '@cartly/db';
import { createMailer } from '@cartly/mail';
import { installTemporalRuntime, startWorker } from '@cartly/worker';
import { loadEnv } from '../src/env.js';

const env = loadEnv();
installTemporalRuntime('ERROR');
const orm = await openOrm({ databaseUrl: env.DATABASE_URL, poolMax: 4 });
const running = await startWorker({
  ...temporalConnectionConfig(env),
  namespace: env.TEMPORAL_NAMESPACE,
  taskQueue: env.TEMPORAL_TASK_QUEUE,
  activities: { orm, mailer: createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM }) },
  shutdownGraceTime: 0,
});
process.send?.({ ready: true });
await running.done;
await orm.close(true);
