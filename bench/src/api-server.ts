// The real API as production runs it (NODE_ENV and pool size come from the parent's env).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { loadEnv } from '@cartly/api/env';
import { startApi } from '@cartly/api/app';
import { serveUntilStopped } from './serve.js';

/** Production refuses to start without these; the bench makes throwaway ones per run and never prints them. */
function throwawaySecrets() {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return {
    OTP_HASH_KEY: randomBytes(32).toString('hex'),
    JWT_SIGNING_KEYS: JSON.stringify([{ kid: 'bench', pem: privateKey.export({ type: 'pkcs8', format: 'pem' }) }]),
    DATA_ENCRYPTION_KEYS: JSON.stringify([{ kid: 'bench', key: randomBytes(32).toString('base64') }]),
    SMS_PROVIDER: 'mock' as const,
  };
}

const api = await startApi(loadEnv(undefined, { HOST: '127.0.0.1', PORT: 0, ...throwawaySecrets() }));
serveUntilStopped(api.url, () => api.close());
