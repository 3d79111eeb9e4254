export * from './entities/index.js';
export * from './orm.js';
export { uuidv7 } from './ids.js';
export { MikroORM, EntityManager } from '@mikro-orm/postgresql';
export { UniqueConstraintViolationException, NotFoundError, LockMode } from '@mikro-orm/core';
export type { EntityName, FilterQuery } from '@mikro-orm/core';
export { readRows, poolReader, poolTransaction, emReader, type Reader } from './lib/read-rows.js';
