import { fileURLToPath } from 'node:url';
import { MikroORM, defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { entities } from './entities/index.js';
import { migrationsList } from './migrations/index.js';
import { AssignIds } from './assign-ids.js';
import { attachPlainPool } from './lib/plain-pool.js';

export interface OrmOptions {
  /** postgres:// URL of the database to use. */
  databaseUrl: string;
  /** Connection pool ceiling per process (API replicas each hold their own), of the ORM's pool and of the plain statements' (lib/plain-pool.ts) each. */
  poolMax?: number;
  debug?: boolean;
}

export function ormConfig({ databaseUrl, poolMax = 10, debug = false }: OrmOptions): Options {
  return defineConfig({
    clientUrl: databaseUrl,
    entities,
    subscribers: [new AssignIds()],
    extensions: [Migrator],
    migrations: {
      migrationsList,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      // Only used when generating a new migration from the entity diff.
      pathTs: fileURLToPath(new URL('./migrations', import.meta.url)),
      path: fileURLToPath(new URL('./migrations', import.meta.url)),
      emit: 'ts',
      fileName: (timestamp, name) => `Migration${timestamp}${name ? '_' + name : ''}`,
    },
    pool: { min: 0, max: poolMax },
    forceUtcTimezone: true,
    // Request code must fork its own EntityManager; the global one is a bug.
    allowGlobalContext: false,
    discovery: { warnWhenNoEntities: false },
    debug,
  });
}

export async function openOrm(options: OrmOptions): Promise<MikroORM> {
  const orm = await MikroORM.init(ormConfig(options));
  attachPlainPool(orm, options.poolMax ?? 10);
  return orm;
}

/** Applies every committed migration that has not run yet. */
export async function migrate(orm: MikroORM): Promise<void> {
  await orm.getMigrator().up();
}
