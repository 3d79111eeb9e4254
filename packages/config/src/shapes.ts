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
  // How both apps authenticate to Temporal; read by temporalConnectionConfig() (temporal-connection.ts).
  /** TLS on or off; unset = on when any TEMPORAL_TLS_* setting is given. */
  TEMPORAL_TLS: z.stringbool().optional(),
  /** PEM file of the CA that signed the frontend's certificate (else the system's roots). */
  TEMPORAL_TLS_CA_FILE: z.string().min(1).optional(),
  /** PEM files of the client certificate and its key, for mTLS (both or neither). */
  TEMPORAL_TLS_CERT_FILE: z.string().min(1).optional(),
  TEMPORAL_TLS_KEY_FILE: z.string().min(1).optional(),
  /** The name the frontend's certificate is checked against, when it differs from the address's host. */
  TEMPORAL_TLS_SERVER_NAME: z.string().min(1).optional(),
  /** Sent as `Authorization: Bearer …` on every call (Temporal Cloud API keys, an authorizing proxy). */
  TEMPORAL_API_KEY: z.string().min(1).optional(),
  /** In production a plaintext connection to a non-loopback address is refused unless this is true. */
  TEMPORAL_ALLOW_PLAINTEXT: z.stringbool().default(false),
};

export const mailEnvShape = {
  /** Outgoing mail; `npm start` points it at a local outbox. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').default('smtp://127.0.0.1:2525'),
  MAIL_FROM: z.string().default('Cartly <no-reply@cartly.test>'),
};
