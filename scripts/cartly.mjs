// `npm run cartly -- <command>`: the back-office CLI against the `npm start`
// database, or DATABASE_URL when set.
import { ensureDependencies } from './lib/bootstrap.mjs';
import { root } from './lib/run.mjs';
import { devDatabaseUrl } from './lib/dev.mjs';

ensureDependencies(root);
const { tsx } = await import('./lib/run.mjs');
process.exitCode = await tsx('apps/api/src/cli/main.ts', process.argv.slice(2), {
  env: { DATABASE_URL: process.env.DATABASE_URL ?? devDatabaseUrl(root) },
});
