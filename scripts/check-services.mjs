// Self-test for the service bootstrap: start Postgres + Temporal like `npm test` would, poke both, stop.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTemporalCli } from './lib/temporal-cli.mjs';
import { startServices } from './lib/services.mjs';
import { describeNamespace } from './lib/temporal-server.mjs';
import { say } from './lib/log.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ms = (t) => `${Date.now() - t}ms`;

let services;
try {
  let t = Date.now();
  const cli = await ensureTemporalCli();
  say(`temporal cli: ${cli} (${ms(t)})`);

  t = Date.now();
  services = await startServices({ root, purpose: 'test' });
  say(`services up in ${ms(t)}: DATABASE_URL=${services.databaseUrl} TEMPORAL_ADDRESS=${services.temporalAddress}`);

  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: services.databaseUrl });
  await client.connect();
  const { rows } = await client.query('select version()');
  await client.end();
  say(`postgres: ${rows[0].version}`);

  // Our own server gets a scrubbed env; an external TEMPORAL_ADDRESS may need the developer's TEMPORAL_* settings.
  const r = await describeNamespace(cli, services.temporalAddress, process.env.TEMPORAL_ADDRESS ? process.env : undefined);
  if (!r.ok) throw new Error(`temporal operator namespace describe default failed:\n${r.out}`);
  say(`temporal: namespace "default" reachable at ${services.temporalAddress}`);

  t = Date.now();
  await services.stop();
  say(`services stopped in ${ms(t)}`);
  say('OK');
  process.exit(0);
} catch (e) {
  say(`check failed: ${e.stack ?? e}`);
  await services?.stop();
  process.exit(1);
}
