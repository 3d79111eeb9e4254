/*
 * Benchmarks (scenarios.ts): a storefront route served by the real API,
 * beside a baseline on bare node:http + pg. Both run in child processes, one
 * after the other, against the same freshly migrated database; autocannon
 * runs here. `BENCH_SCENARIO` picks the scenario (default: all, in turn).
 * Started by `npm run bench` (scripts/bench.mjs), which provides DATABASE_URL.
 */
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { childEnv, loadBenchEnv } from './env.js';
import { createBenchDatabase, dropStaleBenchDatabases } from './database.js';
import { SCENARIOS, type Scenario } from './scenarios.js';
import { repoRoot, spawnServer, type ServerChild } from './child.js';
import { applyLoad } from './load.js';
import { formatReport, type Measured } from './report.js';
import { profileDirectory } from './profile.js';

const say = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

const env = loadBenchEnv();
let running: ServerChild | undefined;
let dropDatabase: (() => Promise<void>) | undefined;

async function cleanUp(): Promise<void> {
  await running?.stop();
  running = undefined;
  await dropDatabase?.();
  dropDatabase = undefined;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void cleanUp().finally(() => process.exit(128 + os.constants.signals[signal]));
  });
}

/**
 * One GET with the bench's credentials: the seeded answer, and byte for byte alike from both targets. A cold
 * process may need a few tries (the extensions slot compiles its templates within its render budget).
 */
async function answer(url: string, headers: Record<string, string>, scenario: Scenario): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(url + scenario.path, { headers });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${url}${scenario.path} answered ${res.status}: ${body}`);
    try {
      scenario.check(body);
      return body;
    } catch (e) {
      if (attempt >= 5) throw e;
    }
  }
}

interface Target {
  name: Measured['target'];
  entry: string;
  /** Where to write a CPU profile of the measured window, if wanted. */
  profileTo?: string;
}

interface Setup {
  vars: Record<string, string>;
  headers: Record<string, string>;
  scenario: Scenario;
}

async function measure(target: Target, round: number, { vars, headers, scenario }: Setup, expected: string | undefined) {
  say(`${scenario.name} round ${round}: starting ${target.name}`);
  running = await spawnServer(target.entry, childEnv(vars));
  try {
    const body = await answer(running.url, headers, scenario);
    if (expected !== undefined && body !== expected) throw new Error(`${target.name} answered differently from the baseline:\n${body}\nvs\n${expected}`);
    const load = { url: running.url + scenario.path, headers, connections: env.BENCH_CONNECTIONS };
    if (env.BENCH_WARMUP > 0) {
      say(`round ${round}: warming up ${target.name} for ${env.BENCH_WARMUP} s`);
      await applyLoad({ ...load, seconds: env.BENCH_WARMUP });
    }
    say(`round ${round}: measuring ${target.name} for ${env.BENCH_DURATION} s with ${env.BENCH_CONNECTIONS} connections`);
    const profile = target.profileTo ? await running.profile() : undefined;
    const cpuBefore = await running.cpuMicros();
    const figures = await applyLoad({ ...load, seconds: env.BENCH_DURATION });
    const cpu = (await running.cpuMicros()) - cpuBefore;
    if (profile) {
      const file = path.join(target.profileTo!, `${scenario.name}-${target.name}-round${round}.cpuprofile`);
      await profile.stop(file);
      say(`round ${round}: CPU profile of the measured window written to ${file}`);
    }
    // Requests the load generator abandoned at the deadline are still in flight: let them
    // finish, or shutting the pool down aborts their queries and logs errors.
    await sleep(1_000);
    const measured: Measured = { target: target.name, round, ...figures, cpuMicrosPerRequest: cpu / Math.max(1, figures.ok) };
    return { body, measured };
  } finally {
    await running.stop();
    running = undefined;
  }
}

async function runScenario(scenario: Scenario, databaseUrl: string, profileTo: string | undefined): Promise<string> {
  const loadBefore = os.loadavg()[0]!;
  const { headers, describe } = await scenario.seed(databaseUrl);
  const vars = {
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: String(env.BENCH_POOL_MAX),
    BENCH_POOL_MAX: String(env.BENCH_POOL_MAX),
    NODE_ENV: 'production',
  };
  const targets: Target[] = [
    { name: 'baseline', entry: scenario.baselineEntry, profileTo },
    { name: 'api', entry: './api-server.ts', profileTo },
  ];
  const rows: Measured[] = [];
  let expected: string | undefined;
  for (let round = 1; round <= env.BENCH_ROUNDS; round++) {
    for (const target of targets) {
      const { body, measured } = await measure(target, round, { vars, headers, scenario }, expected);
      expected ??= body;
      rows.push(measured);
    }
  }
  return formatReport(
    rows,
    [
      `GET ${scenario.path}: ${describe}; ${env.BENCH_CONNECTIONS} connections, ` +
        `${env.BENCH_WARMUP} s warm-up + ${env.BENCH_DURATION} s measured per target and round; pool ${env.BENCH_POOL_MAX}`,
      `node ${process.version}, ${os.cpus().length} CPUs; 1-min load average before: ${loadBefore.toFixed(1)}, after: ${os.loadavg()[0]!.toFixed(1)} ` +
        '(other work on the machine lowers req/s; CPU µs/req is the steadier figure)',
    ],
    { baselineLabel: scenario.baselineLabel, targetPercent: scenario.targetPercent },
  );
}

try {
  if (env.BENCH_OWN_SERVER) await dropStaleBenchDatabases(env.DATABASE_URL);
  const profileTo = await profileDirectory(env.BENCH_CPU_PROF, repoRoot);
  const scenarios = SCENARIOS.filter((s) => env.BENCH_SCENARIO === 'all' || s.name === env.BENCH_SCENARIO);
  const reports: string[] = [];
  for (const scenario of scenarios) {
    say(`${scenario.name}: creating and migrating a fresh database`);
    const db = await createBenchDatabase(env.DATABASE_URL);
    dropDatabase = db.drop;
    reports.push(await runScenario(scenario, db.url, profileTo));
    await db.drop();
    dropDatabase = undefined;
  }
  console.log(reports.join('\n\n'));
} finally {
  await cleanUp();
}
