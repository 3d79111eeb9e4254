import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { parseKeyRing } from '@cartly/config';

/*
 * Encryption of secrets at rest (OAuth tokens, client secrets): AES-256-GCM
 * with a fresh 96-bit nonce per message and caller-supplied associated data
 * (e.g. `account-api-token:<shop id>:<customer id>`), so a sealed value pasted
 * into another row, shop or column does not open. The sealed text names the
 * key that sealed it: `v1.<kid>.<base64url(nonce ‖ ciphertext ‖ tag)>`.
 * Keys come from DATA_ENCRYPTION_KEYS; the first seals, all open, so a
 * rotation is: prepend a new key, re-seal (`needsResealing`), drop the old one.
 */

const VERSION = 'v1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KID = /^[A-Za-z0-9_-]{1,64}$/;

export interface SecretBox {
  /** The kid that seals new values. */
  readonly currentKid: string;
  seal(plaintext: string, associatedData: string): string;
  /** The plaintext; throws SecretBoxError for an unknown key, tampering or the wrong associated data. */
  open(sealed: string, associatedData: string): string;
  /** Whether a sealed value was made with a key other than the current one. */
  needsResealing(sealed: string): boolean;
  /** The kid that sealed a value (not secret: shown to admins so a rotation can be followed). */
  keyIdOf(sealed: string): string;
}

/** A value that cannot be opened; the message names no key material. */
export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

const ZKey = z.strictObject({ kid: z.string().regex(KID), key: z.base64() });

export interface SecretBoxConfig {
  NODE_ENV: string;
  DATA_ENCRYPTION_KEYS?: string | undefined;
}

/** Parses DATA_ENCRYPTION_KEYS; throws at startup on a bad or (in production) missing value. */
export function secretBoxFromEnv(env: SecretBoxConfig): SecretBox {
  if (!env.DATA_ENCRYPTION_KEYS) {
    if (env.NODE_ENV === 'production') throw new Error('invalid configuration: DATA_ENCRYPTION_KEYS is required in production');
    // Outside production: a key per process; what it sealed does not survive a restart.
    return secretBox([{ kid: `dev-${randomBytes(4).toString('hex')}`, key: randomBytes(32) }]);
  }
  const parsed = parseKeyRing(
    'DATA_ENCRYPTION_KEYS', env.DATA_ENCRYPTION_KEYS, ZKey, '{"kid": "[A-Za-z0-9_-]+", "key": "<base64 of 32 bytes>"}',
  );
  const keys = parsed.map(({ kid, key }) => {
    const bytes = Buffer.from(key, 'base64');
    if (bytes.length !== 32) throw new Error(`invalid configuration: DATA_ENCRYPTION_KEYS key "${kid}" is not 32 bytes`);
    return { kid, key: bytes };
  });
  return secretBox(keys);
}

export function secretBox(keys: { kid: string; key: Buffer }[]): SecretBox {
  const byKid = new Map(keys.map((k) => [k.kid, k.key]));
  if (byKid.size !== keys.length) throw new Error('invalid configuration: DATA_ENCRYPTION_KEYS has duplicate kids');
  const current = keys[0]!;

  const parse = (sealed: string) => {
    const [version, kid, body, ...rest] = sealed.split('.');
    if (version !== VERSION || !kid || !body || rest.length > 0) throw new SecretBoxError('not a sealed value');
    return { kid, body };
  };

  return {
    currentKid: current.kid,
    seal(plaintext, associatedData) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current.key, nonce, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(associatedData, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return `${VERSION}.${current.kid}.${Buffer.concat([nonce, ciphertext, cipher.getAuthTag()]).toString('base64url')}`;
    },
    open(sealed, associatedData) {
      const { kid, body } = parse(sealed);
      const key = byKid.get(kid);
      if (!key) throw new SecretBoxError(`sealed with unknown key "${kid}"`);
      const bytes = Buffer.from(body, 'base64url');
      if (bytes.length < NONCE_BYTES + TAG_BYTES) throw new SecretBoxError('sealed value is truncated');
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, NONCE_BYTES), { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(associatedData, 'utf8'));
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      try {
        return Buffer.concat([decipher.update(bytes.subarray(NONCE_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretBoxError('sealed value does not open (tampered, or other associated data)');
      }
    },
    needsResealing(sealed) {
      return parse(sealed).kid !== current.kid;
    },
    keyIdOf(sealed) {
      return parse(sealed).kid;
    },
  };
}
