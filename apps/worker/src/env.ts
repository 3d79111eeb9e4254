import { z } from 'zod';
import { databaseEnvShape, mailEnvShape, nodeEnvShape, parseEnv, temporalEnvShape } from '@cartly/config';

/** The only place the worker reads process.env; everything else receives an Env. */
export const ZEnv = z.object({
  ...nodeEnvShape,
  ...databaseEnvShape(5),
  ...temporalEnvShape,
  /** Return notifications. */
  ...mailEnvShape,
  /** On SIGTERM, in-flight activities get this long to finish before they are cancelled and retried elsewhere. */
  WORKER_SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(600).default(10),
  /** Temporal SDK log level (worker lifecycle, webpack bundling, activity failures). */
  WORKER_LOG_LEVEL: z.enum(['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
});
export type Env = z.infer<typeof ZEnv>;

export function loadEnv(source: NodeJS.ProcessEnv = process.env, overrides: Partial<Env> = {}): Env {
  return parseEnv(ZEnv, source, overrides);
}
