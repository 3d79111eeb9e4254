// `npm run bench`: the API against a bare node:http + pg baseline (bench/src/run.ts: the storefront hot
// path and the extensions slot), then returns throughput against a real worker beside an empty workflow
// (bench/src/returns/run.ts) and OTP login throughput beside one HMAC + one row update
// (bench/src/login/run.ts), then the widget's mount time; on a PostgreSQL of its own (or DATABASE_URL) and
// a Temporal dev server of its own (or TEMPORAL_ADDRESS). `npm run bench -- returns|login|addresses` runs one.
// `npm run soak` (scripts/soak.mjs) is the scale-out soak.
// `npm run bench -- budget-reset`: 100k company-location budget resets through the Temporal
// Schedule and workflow beside one bulk UPDATE (bench/src/budget-reset/run.ts); it also starts a
// Temporal dev server unless TEMPORAL_ADDRESS is set.
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './lib/bootstrap.mjs';
import { freePort } from './lib/ports.mjs';
import { say } from './lib/log.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
ensureDependencies(root);

const SCENARIOS = {
  addresses: ['bench', 'src', 'run.ts'],
  returns: ['bench', 'src', 'returns', 'run.ts'],
  login: ['bench', 'src', 'login', 'run.ts'],
  'budget-reset': ['bench', 'src', 'budget-reset', 'run.ts'],
  soak: ['bench', 'src', 'soak', 'run.ts'],
};
/** What `npm run bench` runs, in this order, with no argument. */
const DEFAULT_RUN = ['addresses', 'returns', 'login'];
const NEEDS_TEMPORAL = new Set(['returns', 'budget-reset', 'soak']);
const scenario = process.argv[2] ?? 'default';
const runList = scenario === 'default' ? DEFAULT_RUN : [scenario];
if (scenario !== 'default' && !SCENARIOS[scenario]) {
  say(`unknown benchmark "${scenario}"; choose one of: ${Object.keys(SCENARIOS).join(', ')}`);
  process.exit(2);
}

let postgres;
let databaseUrl = process.env.DATABASE_URL;
if (databaseUrl) {
  say('using DATABASE_URL from the environment');
} else {
  const { startPostgres } = await import('./lib/postgres.mjs'); // only after dependencies exist
  postgres = await startPostgres({ dataDir: path.join(root, '.data', 'pg-bench'), port: await freePort() });
  databaseUrl = postgres.url;
}

let temporal;
let temporalAddress = process.env.TEMPORAL_ADDRESS;
if (runList.some((s) => NEEDS_TEMPORAL.has(s)) && !temporalAddress) {
  const { startTemporal } = await import('./lib/temporal-server.mjs');
  temporal = await startTemporal({ port: await freePort() });
  temporalAddress = temporal.address;
}

function runOne(name) {
  const run = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', path.join(root, ...SCENARIOS[name])], {
    cwd: root,
    // Only on our own server may the runner drop databases that interrupted runs left behind.
    env: {
      ...process.env, DATABASE_URL: databaseUrl, BENCH_OWN_SERVER: postgres ? 'true' : 'false',
      ...(temporalAddress ? { TEMPORAL_ADDRESS: temporalAddress } : {}),
    },
    stdio: 'inherit',
  });
  // The runner stops its server children and drops its database itself; pass SIGTERM on so it can.
  const onTerm = () => run.kill('SIGTERM');
  const onExit = () => run.kill('SIGKILL');
  process.on('SIGTERM', onTerm);
  process.on('exit', onExit);
  return new Promise((resolve) => {
    run.once('error', (e) => { say(`bench: ${e.message}`); resolve(1); });
    run.once('exit', (c, signal) => {
      process.off('SIGTERM', onTerm);
      process.off('exit', onExit);
      resolve(c ?? (signal ? 1 : 0));
    });
  });
}
let code = 0;
for (const name of runList) code = (await runOne(name)) || code;
// The widget: mount → first rendered account overview in headless chromium, against the API on the same PostgreSQL.
let widgetCode = 0;
if (code === 0 && (scenario === 'default' || scenario === 'budget-reset')) {
  widgetCode = 1;
  const widget = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', path.join(root, 'apps', 'portal-widget', 'bench', 'mount-time.ts')], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: 'inherit',
  });
  process.on('exit', () => widget.kill('SIGKILL'));
  widgetCode = await new Promise((resolve) => {
    widget.once('error', (e) => { say(`bench (widget): ${e.message}`); resolve(1); });
    widget.once('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  });
}
await temporal?.stop();
await postgres?.stop();
process.exit(code || widgetCode);
