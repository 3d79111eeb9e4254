// A worker process for the "killed mid-refund" test: its provider moves the
// money, tells the parent, and then hangs before the activity can report
// back, so the parent can SIGKILL it at the worst possible moment.
import { NativeConnection } from '@temporalio/worker';
import { openOrm } from '@cartly/db';
import { createMailer } from '@cartly/mail';
import { ledgerPaymentProvider, type PaymentProvider } from '@cartly/payments';
import { loadEnv } from '../../src/env.js';
import { createWorker } from '../../src/worker.js';
import { quietTemporalLogs } from './harness.js';

quietTemporalLogs();
const env = loadEnv();
const orm = await openOrm({ databaseUrl: env.DATABASE_URL, poolMax: 2 });
const ledger = ledgerPaymentProvider({ orm });
const payments: PaymentProvider = {
  name: ledger.name,
  async refund(request) {
    const receipt = await ledger.refund(request);
    process.send?.({ refunded: receipt.refundId });
    return new Promise(() => undefined);
  },
};
const worker = await createWorker({
  connection: await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS }),
  taskQueue: env.TEMPORAL_TASK_QUEUE,
  activities: { orm, mailer: createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM }), payments },
});
process.send?.({ ready: true });
await worker.run();
