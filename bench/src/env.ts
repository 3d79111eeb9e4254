import { z } from 'zod';
import { parseEnv } from '@cartly/config';

/** The only place the benchmark reads process.env. */
const ZBenchEnv = z.object({
  /** A PostgreSQL server (any database on it); the bench creates and drops its own database there. */
  DATABASE_URL: z.string().min(1, 'DATABASE_URL is required (run through `npm run bench`)'),
  /**
   * Set by scripts/bench.mjs when the server is the bench's own (.data/pg-bench): databases left by
   * interrupted runs are dropped first. Never set it for a shared server, where another run may be using them.
   */
  BENCH_OWN_SERVER: z.stringbool().default(false),
  /** `addresses` (customer address book), `extensions` (a slot of 20 Liquid blocks), or `all`, one after the other. */
  BENCH_SCENARIO: z.enum(['addresses', 'extensions', 'all']).default('all'),
  /** Seconds of measured load per target. */
  BENCH_DURATION: z.coerce.number().int().min(1).max(120).default(10),
  /** Seconds of unmeasured load first, so both targets are JIT-warm and their pools full. */
  BENCH_WARMUP: z.coerce.number().int().min(0).max(60).default(3),
  /** Rounds of (baseline, api); the summary takes each target's best round (least disturbed by other work). */
  BENCH_ROUNDS: z.coerce.number().int().min(1).max(10).default(1),
  BENCH_CONNECTIONS: z.coerce.number().int().min(1).max(500).default(20),
  /** Pool size of both servers (the API's default DATABASE_POOL_MAX). */
  BENCH_POOL_MAX: z.coerce.number().int().min(1).max(90).default(10),
  /** When set, the API child writes a V8 CPU profile of each measured window (.cpuprofile) into this folder. */
  BENCH_CPU_PROF: z.string().optional(),
  /** budget-reset scenario: the Temporal frontend (scripts/bench.mjs starts a dev server when unset). */
  TEMPORAL_ADDRESS: z.string().optional(),
  /** budget-reset scenario: company locations to seed and reset. */
  BENCH_LOCATIONS: z.coerce.number().int().min(1).max(2_000_000).default(100_000),
  /** returns scenario: return requests to make, approve and see refunded. */
  BENCH_RETURNS: z.coerce.number().int().min(1).max(100_000).default(1_000),
  /** login scenario: OTP verifications (one code each, requested first, unmeasured). */
  BENCH_LOGINS: z.coerce.number().int().min(1).max(100_000).default(400),
  /** Requests in flight at once in the returns and login scenarios and per soak load kind. */
  BENCH_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(20),
  /** soak: seconds of mixed load (`npm run soak`). */
  SOAK_SECONDS: z.coerce.number().int().min(20).max(3_600).default(300),
  /** Set by the parent for its service children: the task queue, SMTP sink and shared secrets of the run. */
  BENCH_TASK_QUEUE: z.string().optional(),
  BENCH_SMTP_URL: z.string().optional(),
  /** login baseline: the run's OTP key (the same the API replicas get). */
  OTP_HASH_KEY: z.string().optional(),
  /** budget-reset scenario: locations per reset batch (one activity, one statement, one transaction). */
  BENCH_RESET_BATCH: z.coerce.number().int().min(100).max(100_000).default(10_000),
});
export type BenchEnv = z.infer<typeof ZBenchEnv>;

export function loadBenchEnv(): BenchEnv {
  return parseEnv(ZBenchEnv, process.env);
}

/** What an API child reads its settings from: the parent's env (shared secrets included) over `defaults`. */
export function apiEnvSource(defaults: Record<string, string>): NodeJS.ProcessEnv {
  return { ...defaults, ...process.env };
}

/** Environment for a server child: ours, plus what the child needs to reach its database. */
export function childEnv(vars: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...vars };
}
