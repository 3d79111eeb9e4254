/*
 * Benchmark (`npm run bench -- returns`, part of `npm run bench`): 1,000 return
 * requests made and approved over HTTP against the real API and the real
 * worker (RMAWorkflow: ValidateReturn, NotifyMerchant, ProcessRefund), timed
 * until every one is refunded; beside it, on the same Temporal server in the
 * same run, the rate of an empty workflow with one no-op activity. Prints
 * both rates, their ratio and the refunds recorded (which must equal the
 * returns). Started by scripts/bench.mjs (DATABASE_URL, TEMPORAL_ADDRESS).
 */
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { Client, Connection } from '@temporalio/client';
import { startSmtpSink } from '@cartly/mail/testing';
import { loadBenchEnv } from '../env.js';
import { createBenchDatabase, dropStaleBenchDatabases } from '../database.js';
import { repoRoot, type ServerChild } from '../child.js';
import { inLanes, must, seconds } from '../cluster/http.js';
import { createProduct, fulfilledOrder, prepareRun, seedShop } from '../cluster/services.js';
import { cpuSecondsOf } from '../cluster/process-cpu.js';
import { profileDirectory } from '../profile.js';
import { describeTally, tallyWorkflowTasks } from './task-tally.js';

const say = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);
const env = loadBenchEnv();
if (!env.TEMPORAL_ADDRESS) throw new Error('TEMPORAL_ADDRESS is required (run through `npm run bench -- returns`)');
const N = env.BENCH_RETURNS;
const LANES = env.BENCH_CONCURRENCY;
/** How long after the last approval to wait for the last refund before printing what arrived. */
const REFUND_DEADLINE_S = 300;

const children: ServerChild[] = [];
async function stopAll() {
  await Promise.all(children.splice(0).map((c) => c.stop()));
}

if (env.BENCH_OWN_SERVER) await dropStaleBenchDatabases(env.DATABASE_URL);
say('returns: creating and migrating a fresh database');
const db = await createBenchDatabase(env.DATABASE_URL);
// The bench counts no mail content: parsing 2,000 messages would only load the machine the API and the worker share.
const smtp = await startSmtpSink({ parse: false });
const sql = new pg.Client({ connectionString: db.url });
await sql.connect();
const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
try {
  const run = prepareRun({ databaseUrl: db.url, temporalAddress: env.TEMPORAL_ADDRESS, smtpUrl: smtp.url, poolMax: env.BENCH_POOL_MAX });
  const [shop] = await seedShop(db.url);
  say('returns: starting the API, the RMA worker and the empty-workflow worker');
  const [api, worker, emptyWorker] = await Promise.all([run.startApi(), run.startWorker(), run.startEmptyWorker()]);
  children.push(api, worker, emptyWorker);

  say(`returns: seeding ${N} fulfilled orders through the admin API`);
  const variantId = await createProduct(api.url, shop!);
  const orders: { orderId: string; lineId: string }[] = [];
  await inLanes(Array.from({ length: N }), 8, async () => void orders.push(await fulfilledOrder(api.url, shop!, variantId)));

  // Yardstick first: the empty workflow, started the way the API starts RMAWorkflow (a client call each, in lanes).
  say(`returns: ${N} empty workflows with one activity`);
  const client = new Client({ connection });
  const emptyTemporalCpu = cpuSecondsOf('temporal');
  const emptyStarted = process.hrtime.bigint();
  await inLanes(Array.from({ length: N }, (_, i) => i), LANES, async (i) => {
    await client.workflow.execute('BenchEmptyWorkflow', { taskQueue: run.emptyTaskQueue, workflowId: `${run.emptyTaskQueue}-${i}`, args: [] });
  });
  const emptySeconds = seconds(emptyStarted);
  const emptyTemporalMs = ((1000 * (cpuSecondsOf('temporal') - emptyTemporalCpu)) / N).toFixed(1);
  await emptyWorker.stop();
  children.splice(children.indexOf(emptyWorker), 1);

  say(`returns: ${N} returns requested and approved over HTTP, then waiting for every refund`);
  const cpuBefore = {
    api: await api.cpuMicros(), worker: await worker.cpuMicros(), temporal: cpuSecondsOf('temporal'), postgres: cpuSecondsOf('postgres'),
    bench: process.cpuUsage(),
  };
  const profileTo = await profileDirectory(env.BENCH_CPU_PROF, repoRoot);
  const profiles = profileTo ? { api: await api.profile(), worker: await worker.profile() } : undefined;
  const started = process.hrtime.bigint();
  await inLanes(orders, LANES, async ({ orderId, lineId }) => {
    const created = await must<{ id: string }>(api.url, {
      method: 'POST', path: '/customer/returns', bearer: shop!.cat,
      body: { order_id: orderId, lines: [{ order_line_id: lineId, quantity: 1, reason: 'does_not_fit' }] },
    });
    await must(api.url, { method: 'POST', path: `/admin/returns/${created.id}/approve`, bearer: shop!.adminToken, body: {} });
  });
  const decidedSeconds = seconds(started);
  // The deadline counts from the last approval: on a loaded machine the requests alone can take minutes.
  const waitStarted = process.hrtime.bigint();
  let refunded = 0;
  for (;;) {
    const { rows } = await sql.query<{ n: number }>(`select count(*)::int as n from return_request where status = 'refunded'`);
    refunded = rows[0]!.n;
    if (refunded >= N || seconds(waitStarted) > REFUND_DEADLINE_S) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const returnsSeconds = seconds(started);
  if (profiles) {
    for (const [name, profile] of Object.entries(profiles)) await profile.stop(path.join(profileTo!, `returns-${name}.cpuprofile`));
    say(`returns: CPU profiles of the API and the worker written to ${profileTo}`);
  }
  // CPU per return of each process (ms), over the whole request-to-refunded window.
  const perReturn = (s: number) => ((1000 * s) / Math.max(1, refunded)).toFixed(1);
  const cpu = {
    api: perReturn(((await api.cpuMicros()) - cpuBefore.api) / 1e6),
    worker: perReturn(((await worker.cpuMicros()) - cpuBefore.worker) / 1e6),
    temporal: perReturn(cpuSecondsOf('temporal') - cpuBefore.temporal),
    postgres: perReturn(cpuSecondsOf('postgres') - cpuBefore.postgres),
    // This process: the HTTP load, the SMTP sink and the polling for refunds.
    bench: perReturn(((u) => (u.user + u.system) / 1e6)(process.cpuUsage(cpuBefore.bench))),
  };
  const { rows: [counts] } = await sql.query<{ refunds: number; returns: number; doubled: number }>(
    `select (select count(*) from refund)::int as refunds,
            (select count(distinct return_request_id) from refund)::int as returns,
            (select count(*) from (select order_id from refund group by order_id having count(*) > 1) d)::int as doubled`,
  );
  // Read after the CPU figures: fetching the histories loads the server too.
  const tasks = describeTally(await tallyWorkflowTasks(client, run.taskQueue, N));
  const emptyRate = N / emptySeconds;
  const returnsRate = refunded / returnsSeconds;
  console.log(`
Returns throughput: ${N} returns requested + approved over HTTP (${LANES} in flight), real API and RMA worker, one PostgreSQL, one Temporal server
  empty workflow + 1 activity (same server)   ${emptyRate.toFixed(1).padStart(7)} workflows/s   (${N} in ${emptySeconds.toFixed(1)} s; Temporal server CPU ${emptyTemporalMs} ms each)
  returns, request to refunded                ${returnsRate.toFixed(1).padStart(7)} returns/s     (${refunded} refunded in ${returnsSeconds.toFixed(1)} s; requests + approvals took ${decidedSeconds.toFixed(1)} s)
  returns / empty-workflow rate               ${((100 * returnsRate) / emptyRate).toFixed(1).padStart(7)} %             (target >= 50 %, all refunded < 60 s)
  CPU per return (ms)                          API ${cpu.api}, worker ${cpu.worker}, Temporal server ${cpu.temporal}, PostgreSQL ${cpu.postgres}, this load generator ${cpu.bench}
  RMAWorkflow histories                        ${tasks}
  refunds recorded                            ${String(counts!.refunds).padStart(7)}               (for ${counts!.returns} distinct returns; orders refunded twice: ${counts!.doubled}; must equal ${N} / ${N} / 0)
node ${process.version}, ${os.cpus().length} CPUs; 1-min load average: ${os.loadavg()[0]!.toFixed(1)} (other work on the machine moves both figures)`);
  if (counts!.refunds !== N || counts!.returns !== N || counts!.doubled !== 0) process.exitCode = 1;
} finally {
  await stopAll();
  await connection.close();
  await sql.end();
  await smtp.close();
  await db.drop();
}
