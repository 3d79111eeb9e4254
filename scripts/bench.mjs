// `npm run bench`: the API against a bare node:http + pg baseline (bench/src/run.ts),
// on a PostgreSQL of its own (or DATABASE_URL). Temporal is not needed for it.
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

const SCENARIOS = { addresses: ['bench', 'src', 'run.ts'], 'budget-reset': ['bench', 'src', 'budget-reset', 'run.ts'] };
const scenario = process.argv[2] ?? 'addresses';
if (!SCENARIOS[scenario]) {
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
if (scenario === 'budget-reset' && !temporalAddress) {
  const { startTemporal } = await import('./lib/temporal-server.mjs');
  temporal = await startTemporal({ port: await freePort() });
  temporalAddress = temporal.address;
}

const run = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', path.join(root, ...SCENARIOS[scenario])], {
  cwd: root,
  // Only on our own server may the runner drop databases that interrupted runs left behind.
  env: {
    ...process.env, DATABASE_URL: databaseUrl, BENCH_OWN_SERVER: postgres ? 'true' : 'false',
    ...(temporalAddress ? { TEMPORAL_ADDRESS: temporalAddress } : {}),
  },
  stdio: 'inherit',
});
// The runner stops its server child and drops its database itself; pass SIGTERM on so it can.
process.on('SIGTERM', () => run.kill('SIGTERM'));
process.on('exit', () => run.kill('SIGKILL'));
const code = await new Promise((resolve) => {
  run.once('error', (e) => { say(`bench: ${e.message}`); resolve(1); });
  run.once('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
});
// The widget: mount → first rendered account overview in headless chromium, against the API on the same PostgreSQL.
let widgetCode = 1;
if (code === 0) {
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
