import { z } from 'zod';

/** The secret box's key ring (lib/secret-box.ts). */
export const secretBoxEnvShape = {
  /**
   * JSON array of `{"kid": "...", "key": "<base64 of 32 bytes>"}` (AES-256-GCM) that seal secrets at rest (OAuth
   * tokens, client secrets). The first seals, all open. Required in production; elsewhere a random key per process.
   */
  DATA_ENCRYPTION_KEYS: z.string().optional(),
};

export const secretBoxProductionRequirements = [
  { key: 'DATA_ENCRYPTION_KEYS', what: 'a JSON array of {"kid", "key"} with 32-byte base64 keys' },
] as const;
