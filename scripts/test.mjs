// `npm test`: installs what is missing, starts PostgreSQL and Temporal (unless
// DATABASE_URL / TEMPORAL_ADDRESS are set), then lints, typechecks and runs
// every workspace's tests through turbo, and prints one summary line.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ensureDependencies } from './lib/bootstrap.mjs';
import { root } from './lib/run.mjs';
import { say } from './lib/log.mjs';

ensureDependencies(root);
const { run, turboBin } = await import('./lib/run.mjs');
const { startServices } = await import('./lib/services.mjs');

const workspaces = ['apps', 'packages'].flatMap((dir) =>
  readdirSync(path.join(root, dir)).map((name) => path.join(root, dir, name)),
);
for (const ws of workspaces) rmSync(path.join(ws, 'test-results'), { recursive: true, force: true });

const services = await startServices({ root, purpose: 'test' });
let code = 1;
try {
  say(`PostgreSQL at ${services.databaseUrl.replace(/:[^:@/]+@/, ':***@')}, Temporal at ${services.temporalAddress}`);
  code = await run(turboBin, ['run', 'lint', 'typecheck', 'test', '--continue', ...process.argv.slice(2)], {
    env: {
      TURBO_TELEMETRY_DISABLED: '1',
      DO_NOT_TRACK: '1',
      DATABASE_URL: services.databaseUrl,
      TEMPORAL_ADDRESS: services.temporalAddress,
      NODE_ENV: 'test',
    },
  });
} finally {
  await services.stop();
}

// One closing line over every workspace's vitest JSON report.
let passed = 0;
let failed = 0;
let skipped = 0;
for (const ws of workspaces) {
  const report = path.join(ws, 'test-results', 'vitest.json');
  if (!existsSync(report)) continue;
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
}
if (code !== 0 && failed === 0) failed = 1; // lint, typecheck or a suite that crashed before reporting
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(code === 0 && failed === 0 ? 0 : 1);
