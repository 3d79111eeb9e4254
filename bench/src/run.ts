/*
 * Benchmark: GET /storefront/v1/customer/addresses (SAT + CAT, a customer
 * with 5 addresses) served by the real API, beside a baseline doing the same
 * work on bare node:http + pg. Both run in child processes, one after the
 * other, against the same freshly migrated database; autocannon runs here.
 * Started by `npm run bench` (scripts/bench.mjs), which provides DATABASE_URL.
 */
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { childEnv, loadBenchEnv } from './env.js';
import { createBenchDatabase, dropStaleBenchDatabases } from './database.js';
import { seedCustomerWithAddresses } from './seed.js';
import { repoRoot, spawnServer, type ServerChild } from './child.js';
import { applyLoad } from './load.js';
import { formatReport, type Measured } from './report.js';

const PATH = '/storefront/v1/customer/addresses';
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

/** One GET with the bench's credentials: the seeded page, and byte for byte alike from both targets. */
async function answer(url: string, headers: Record<string, string>, addresses: number): Promise<string> {
  const res = await fetch(url + PATH, { headers });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${url}${PATH} answered ${res.status}: ${body}`);
  const page = JSON.parse(body) as { items?: unknown[]; next_cursor?: unknown };
  if (page.items?.length !== addresses || page.next_cursor !== null) throw new Error(`${url}${PATH} did not answer the seeded page: ${body}`);
  return body;
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
  addresses: number;
}

async function measure(target: Target, round: number, { vars, headers, addresses }: Setup, expected: string | undefined) {
  say(`round ${round}: starting ${target.name}`);
  running = await spawnServer(target.entry, childEnv(vars));
  try {
    const body = await answer(running.url, headers, addresses);
    if (expected !== undefined && body !== expected) throw new Error(`${target.name} answered differently from the baseline:\n${body}\nvs\n${expected}`);
    const load = { url: running.url + PATH, headers, connections: env.BENCH_CONNECTIONS };
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
      const file = path.join(target.profileTo!, `${target.name}-round${round}.cpuprofile`);
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

try {
  const loadBefore = os.loadavg()[0]!;
  if (env.BENCH_OWN_SERVER) await dropStaleBenchDatabases(env.DATABASE_URL);
  say('creating and migrating a fresh database');
  const db = await createBenchDatabase(env.DATABASE_URL);
  dropDatabase = db.drop;
  const creds = await seedCustomerWithAddresses(db.url);
  const headers = { 'x-shopify-storefront-access-token': creds.sat, authorization: `Bearer ${creds.cat}` };
  const vars = {
    DATABASE_URL: db.url,
    DATABASE_POOL_MAX: String(env.BENCH_POOL_MAX),
    BENCH_POOL_MAX: String(env.BENCH_POOL_MAX),
    NODE_ENV: 'production',
  };
  const profileTo = env.BENCH_CPU_PROF ? path.resolve(repoRoot, env.BENCH_CPU_PROF) : undefined;
  if (profileTo) await mkdir(profileTo, { recursive: true });
  const targets: Target[] = [
    { name: 'baseline', entry: './baseline-server.ts' },
    { name: 'api', entry: './api-server.ts', profileTo },
  ];

  const rows: Measured[] = [];
  let expected: string | undefined;
  for (let round = 1; round <= env.BENCH_ROUNDS; round++) {
    for (const target of targets) {
      const { body, measured } = await measure(target, round, { vars, headers, addresses: creds.addresses }, expected);
      expected ??= body;
      rows.push(measured);
    }
  }

  console.log(
    formatReport(rows, [
      `GET ${PATH}: ${creds.addresses} addresses, SAT + CAT; ${env.BENCH_CONNECTIONS} connections, ` +
        `${env.BENCH_WARMUP} s warm-up + ${env.BENCH_DURATION} s measured per target and round; pool ${env.BENCH_POOL_MAX}`,
      `node ${process.version}, ${os.cpus().length} CPUs; 1-min load average before: ${loadBefore.toFixed(1)}, after: ${os.loadavg()[0]!.toFixed(1)} ` +
        '(other work on the machine lowers req/s; CPU µs/req is the steadier figure)',
    ]),
  );
} finally {
  await cleanUp();
}
