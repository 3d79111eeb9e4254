// The real worker (RMAWorkflow and its activities) in a process of its own, as production runs it.
import { openOrm } from '@cartly/db';
import { createMailer } from '@cartly/mail';
import { installTemporalRuntime, startWorker } from '@cartly/worker';
import { loadBenchEnv } from '../env.js';
import { serveUntilStopped } from '../serve.js';

const env = loadBenchEnv();
if (!env.TEMPORAL_ADDRESS || !env.BENCH_TASK_QUEUE || !env.BENCH_SMTP_URL) throw new Error('worker-server: TEMPORAL_ADDRESS, BENCH_TASK_QUEUE and BENCH_SMTP_URL are required');
installTemporalRuntime('WARN');
const orm = await openOrm({ databaseUrl: env.DATABASE_URL, poolMax: env.BENCH_POOL_MAX });
const mailer = createMailer({ smtpUrl: env.BENCH_SMTP_URL, from: 'bench@cartly.test', pool: true }); // as main.ts
const running = await startWorker({ address: env.TEMPORAL_ADDRESS, taskQueue: env.BENCH_TASK_QUEUE, activities: { orm, mailer }, shutdownGraceTime: 0 });
serveUntilStopped(`worker:${env.BENCH_TASK_QUEUE}`, async () => {
  await running.stop();
  mailer.close();
  await orm.close(true);
});
