// `npm run cartly -- <command>`: the back-office CLI against the `npm start`
// database, or DATABASE_URL when set.
import { ensureDependencies } from './lib/bootstrap.mjs';
import { root } from './lib/run.mjs';
import { devDatabaseUrl, devEncryptionKeys } from './lib/dev.mjs';

ensureDependencies(root);
const { tsx } = await import('./lib/run.mjs');
// Without DATABASE_URL the CLI works on the `npm start` database, so with its (development) configuration:
// production would ask for secrets no command here needs.
const target = process.env.DATABASE_URL
  ? {}
  : {
      DATABASE_URL: devDatabaseUrl(root),
      NODE_ENV: process.env.NODE_ENV ?? 'development',
      DATA_ENCRYPTION_KEYS: process.env.DATA_ENCRYPTION_KEYS ?? devEncryptionKeys(root),
    };
process.exitCode = await tsx('apps/api/src/cli/main.ts', process.argv.slice(2), { env: target });
