import { z } from 'zod';

/** The only place the API reads process.env; everything else receives an Env. */
const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('production'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.string().min(1, 'DATABASE_URL is required'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).default(10),
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('cartly'),
  /** Where customers reach the API; links in emails are built from it, never from Host. */
  PUBLIC_BASE_URL: z.url().default('http://127.0.0.1:3000'),
  /** Outgoing mail; `npm start` points it at a local outbox. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').default('smtp://127.0.0.1:2525'),
  MAIL_FROM: z.string().default('Cartly <no-reply@cartly.test>'),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(100 * 1024),
  CAT_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 14),
  /** Use X-Forwarded-For for the client IP only behind a trusted proxy. */
  TRUST_PROXY: z.stringbool().default(false),
});
export type Env = z.infer<typeof ZEnv>;

export function loadEnv(source: NodeJS.ProcessEnv = process.env, overrides: Partial<Env> = {}): Env {
  const parsed = ZEnv.safeParse({ ...source, ...overrides });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  return parsed.data;
}

/** For module-level setup that runs before an Env exists (the tRPC error formatter). */
export function isDevelopment(): boolean {
  return process.env.NODE_ENV === 'development';
}
