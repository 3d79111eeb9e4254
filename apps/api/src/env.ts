import { z } from 'zod';
import { databaseEnvShape, mailEnvShape, nodeEnvShape, parseEnv, temporalEnvShape } from '@cartly/config';
import { adaptersEnvShape, adaptersProductionRequirements } from './adapters/env.js';
import { smsEnvShape, smsProductionRequirements } from './adapters/sms/env.js';
import { passwordlessEnvShape, passwordlessProductionRequirements } from './passwordless/env.js';
import { extensionsEnvShape } from './extensions/env.js';
import { ssoEnvShape } from './sso/env.js';
import { secretBoxEnvShape, secretBoxProductionRequirements } from './lib/secret-box-env.js';

/** The only place the API reads process.env; everything else receives an Env. Each domain's settings sit beside it. */
export const ZEnv = z.object({
  ...nodeEnvShape,
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  ...databaseEnvShape(10),
  ...temporalEnvShape,
  /** Where customers reach the API; links in emails are built from it, never from Host. */
  PUBLIC_BASE_URL: z.url().default('http://127.0.0.1:3000'),
  ...mailEnvShape,
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(100 * 1024),
  /** Use X-Forwarded-For for the client IP only behind a trusted proxy. */
  TRUST_PROXY: z.stringbool().default(false),
  /** With TRUST_PROXY: how many proxies append to X-Forwarded-For; the client is that many entries from the right. */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
  ...adaptersEnvShape,
  ...smsEnvShape,
  ...passwordlessEnvShape,
  ...secretBoxEnvShape,
  ...extensionsEnvShape,
  ...ssoEnvShape,
});
export type Env = z.infer<typeof ZEnv>;

/** What production cannot start without (elsewhere a development default stands in). */
const REQUIRED_IN_PRODUCTION = [
  ...adaptersProductionRequirements,
  ...smsProductionRequirements,
  ...passwordlessProductionRequirements,
  ...secretBoxProductionRequirements,
];

export function loadEnv(source: NodeJS.ProcessEnv = process.env, overrides: Partial<Env> = {}): Env {
  return parseEnv(ZEnv, source, overrides, REQUIRED_IN_PRODUCTION);
}

/** For module-level setup that runs before an Env exists (the tRPC error formatter). */
export function isDevelopment(): boolean {
  return process.env.NODE_ENV === 'development';
}
