import { z } from 'zod';

/*
 * Settings the API and the worker share, defined once so both read them the
 * same way. Each app still has one env.ts that composes these with its own.
 */

export const nodeEnvShape = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('production'),
};

export function databaseEnvShape(defaultPoolMax: number) {
  return {
    DATABASE_URL: z.string().min(1, 'DATABASE_URL is required'),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).default(defaultPoolMax),
  };
}

export const temporalEnvShape = {
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  /** The API starts workflows on this queue and the worker serves it: they must match. */
  TEMPORAL_TASK_QUEUE: z.string().default('cartly'),
};

export const mailEnvShape = {
  /** Outgoing mail; `npm start` points it at a local outbox. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').default('smtp://127.0.0.1:2525'),
  MAIL_FROM: z.string().default('Cartly <no-reply@cartly.test>'),
};
