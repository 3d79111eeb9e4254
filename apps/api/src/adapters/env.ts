import { z } from 'zod';

/** The adapters' own settings: signing keys, the side pool, the Temporal call deadline. */
export const adaptersEnvShape = {
  /**
   * JSON array of ES256 private keys that sign magic links and ASTs: each a private JWK with `kid`, or
   * `{"kid": "...", "pem": "-----BEGIN PRIVATE KEY-----..."}`. The first signs; the others stay in the JWKS and
   * keep verifying (rotation). Required in production; elsewhere a key is generated at startup.
   */
  JWT_SIGNING_KEYS: z.string().optional(),
  /** Connections of the small second pool used for writes that must commit even when the request fails. */
  DATABASE_SIDE_POOL_MAX: z.coerce.number().int().min(1).default(3),
  /** Deadline of every Temporal call the API makes (connecting included); past it the route answers 503. */
  TEMPORAL_CALL_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(5000),
};

export const adaptersProductionRequirements = [{ key: 'JWT_SIGNING_KEYS', what: 'a JSON array of ES256 keys' }] as const;
