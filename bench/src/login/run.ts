/*
 * Benchmark (`npm run bench -- login`, part of `npm run bench`): OTP
 * verifications per second through the real API (limits raised for the run;
 * each verification consumes its code, checks the limits, finds or creates the
 * customer and issues a CAT), beside a bare node:http + pg server doing one
 * HMAC and one row update per request, on the same codes in the same run.
 * The codes are requested first through the API and read from the SMTP sink
 * (unmeasured). Started by scripts/bench.mjs (DATABASE_URL).
 */
import os from 'node:os';
import path from 'node:path';
import { startSmtpSink } from '@cartly/mail/testing';
import { loadBenchEnv } from '../env.js';
import { createBenchDatabase, dropStaleBenchDatabases } from '../database.js';
import { repoRoot, spawnServer, type ServerChild } from '../child.js';
import { childEnv } from '../env.js';
import { throwawaySecrets } from '../secrets.js';
import { call, inLanes, must, seconds } from '../cluster/http.js';
import { seedShop } from '../cluster/services.js';
import { profileDirectory } from '../profile.js';

const say = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);
const env = loadBenchEnv();
const N = env.BENCH_LOGINS;
const LANES = env.BENCH_CONCURRENCY;
const UNLIMITED = '1000000';

interface Figures {
  perSecond: number;
  cpuMicrosPerVerify: number;
  ok: number;
}

/** Posts every body once, LANES at a time; the server's CPU time per answer and the rate of 200s. */
async function load(server: ServerChild, path: string, sat: string, bodies: { identifier: string; code: string }[]): Promise<Figures> {
  const cpuBefore = await server.cpuMicros();
  const started = process.hrtime.bigint();
  let ok = 0;
  await inLanes(bodies, LANES, async (body) => {
    const a = await call(server.url, { method: 'POST', path, sat, body });
    if (a.status === 200) ok++;
    else throw new Error(`${path} answered ${a.status}: ${JSON.stringify(a.body).slice(0, 200)}`);
  });
  const s = seconds(started);
  const cpu = (await server.cpuMicros()) - cpuBefore;
  return { perSecond: ok / s, cpuMicrosPerVerify: cpu / Math.max(1, ok), ok };
}

if (env.BENCH_OWN_SERVER) await dropStaleBenchDatabases(env.DATABASE_URL);
say('login: creating and migrating a fresh database');
const db = await createBenchDatabase(env.DATABASE_URL);
const smtp = await startSmtpSink();
const children: ServerChild[] = [];
try {
  const secrets = throwawaySecrets();
  const vars = childEnv({
    ...secrets,
    DATABASE_URL: db.url, DATABASE_POOL_MAX: String(env.BENCH_POOL_MAX), BENCH_POOL_MAX: String(env.BENCH_POOL_MAX),
    NODE_ENV: 'production', SMTP_URL: smtp.url,
    // Every request comes from 127.0.0.1: the per-IP and per-identifier limits would stop the bench, not measure it.
    OTP_RESEND_COOLDOWN_SECONDS: '0', OTP_MAX_PER_IP_15MIN: UNLIMITED, OTP_VERIFY_MAX_PER_IP_15MIN: UNLIMITED,
    OTP_MAX_PER_IDENTIFIER_15MIN: UNLIMITED, OTP_MAX_PER_IDENTIFIER_DAY: UNLIMITED,
  });
  const [shop] = await seedShop(db.url);
  const api = await spawnServer('./api-server.ts', vars);
  children.push(api);
  say(`login: requesting ${N} codes by email (unmeasured)`);
  const identifiers = Array.from({ length: N }, (_, i) => `login-${i}@bench.cartly.test`);
  await inLanes(identifiers, LANES, async (identifier) => {
    await must(api.url, { method: 'POST', path: '/storefront/v1/customer/otp/request', sat: shop!.sat, body: { identifier, channel: 'email' } });
  });
  const bodies = await Promise.all(identifiers.map(async (identifier) => {
    const mail = await smtp.waitFor((m) => m.to.includes(identifier), 60_000);
    return { identifier, code: /\b(\d{6})\b/.exec(mail.text)![1]! };
  }));

  say('login: baseline (one HMAC + one row update per request)');
  const baselineServer = await spawnServer('./login/baseline-server.ts', vars);
  children.push(baselineServer);
  const baseline = await load(baselineServer, '/verify', shop!.sat, bodies);
  await baselineServer.stop();
  children.splice(children.indexOf(baselineServer), 1);

  say(`login: ${N} OTP verifications through the API`);
  const profileTo = await profileDirectory(env.BENCH_CPU_PROF, repoRoot);
  const profile = profileTo ? await api.profile() : undefined;
  const verified = await load(api, '/storefront/v1/customer/otp/verify', shop!.sat, bodies);
  if (profile) {
    const file = path.join(profileTo!, 'login-api.cpuprofile');
    await profile.stop(file);
    say(`login: CPU profile of the verifications written to ${file}`);
  }
  console.log(`
Login throughput: ${N} OTP verifications (each code once, ${LANES} in flight; limits raised for the run)
  baseline: node:http + pg, 1 HMAC + 1 row update  ${baseline.perSecond.toFixed(0).padStart(6)} /s   CPU ${baseline.cpuMicrosPerVerify.toFixed(0).padStart(6)} µs/request
  api: POST /storefront/v1/customer/otp/verify     ${verified.perSecond.toFixed(0).padStart(6)} /s   CPU ${verified.cpuMicrosPerVerify.toFixed(0).padStart(6)} µs/verify   (${verified.ok} CATs issued)
  API / baseline                                   ${((100 * verified.perSecond) / baseline.perSecond).toFixed(1).padStart(6)} %    CPU ${(verified.cpuMicrosPerVerify / baseline.cpuMicrosPerVerify).toFixed(2)}x
node ${process.version}, ${os.cpus().length} CPUs; 1-min load average: ${os.loadavg()[0]!.toFixed(1)} (other work on the machine lowers both rates; CPU per request is steadier)`);
} finally {
  await Promise.all(children.map((c) => c.stop()));
  await smtp.close();
  await db.drop();
}
