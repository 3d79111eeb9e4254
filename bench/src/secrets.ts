import { generateKeyPairSync, randomBytes } from 'node:crypto';

/**
 * Production refuses to start without these; the bench makes throwaway ones per run and never prints them.
 * Made once by a parent and handed to every API replica it starts, so a code or token one replica issues
 * is valid on the others.
 */
export function throwawaySecrets(): Record<string, string> {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return {
    OTP_HASH_KEY: randomBytes(32).toString('hex'),
    JWT_SIGNING_KEYS: JSON.stringify([{ kid: 'bench', pem: privateKey.export({ type: 'pkcs8', format: 'pem' }) }]),
    DATA_ENCRYPTION_KEYS: JSON.stringify([{ kid: 'bench', key: randomBytes(32).toString('base64') }]),
    SMS_PROVIDER: 'mock',
  };
}
