import { describe, expect, test } from 'vitest';
import type { MikroORM } from '@cartly/db';
import { base64url, exportJWK, exportPKCS8, generateKeyPair } from 'jose';
import { loadEnv, type Env } from '../env.js';
import { closeAdapters, createAdapters } from '../adapters/adapters.js';
import { domainDeps } from '../deps.js';
import { startApi } from '../app.js';

/* Secrets have no production defaults: a misconfigured API refuses to start. */

async function prodEnv(overrides: Partial<Env> = {}): Promise<Env> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  return loadEnv({}, {
    NODE_ENV: 'production',
    DATABASE_URL: 'postgres://127.0.0.1:1/none',
    OTP_HASH_KEY: 'k'.repeat(32),
    JWT_SIGNING_KEYS: JSON.stringify([{ ...(await exportJWK(privateKey)), kid: 'prod-1' }]),
    SMS_PROVIDER: 'mock',
    DATA_ENCRYPTION_KEYS: JSON.stringify([{ kid: 'prod-data-1', key: Buffer.alloc(32, 7).toString('base64') }]),
    ...overrides,
  } as Partial<Env>);
}

describe('production configuration', () => {
  test('a complete configuration starts', async () => {
    const adapters = createAdapters(await prodEnv());
    expect((await adapters.keys.jwks()).keys.map((k) => k.kid)).toEqual(['prod-1']);
    await closeAdapters(adapters);
  });

  test.each([
    ['OTP_HASH_KEY', { OTP_HASH_KEY: undefined }, /OTP_HASH_KEY .* is required in production/],
    ['JWT_SIGNING_KEYS', { JWT_SIGNING_KEYS: undefined }, /JWT_SIGNING_KEYS .* is required in production/],
    ['SMS_PROVIDER', { SMS_PROVIDER: undefined }, /SMS_PROVIDER .* is required in production/],
    ['Twilio credentials', { SMS_PROVIDER: 'twilio' as const }, /TWILIO_ACCOUNT_SID/],
    ['half the SNS credentials', { SMS_PROVIDER: 'sns' as const, SNS_ACCESS_KEY_ID: 'AKID' }, /both SNS_ACCESS_KEY_ID and SNS_SECRET_ACCESS_KEY/],
    ['signing keys that are not JSON', { JWT_SIGNING_KEYS: '-----BEGIN PRIVATE KEY-----' }, /must be a JSON array/],
    ['a symmetric signing key', { JWT_SIGNING_KEYS: JSON.stringify([{ kid: 'a', kty: 'oct', k: 'c2VjcmV0' }]) }, /ES256 private keys/],
    ['a public key only', { JWT_SIGNING_KEYS: JSON.stringify([{ kid: 'a', kty: 'EC', crv: 'P-256', x: 'x', y: 'y' }]) }, /ES256 private keys/],
  ])('missing or bad %s refuses to start', async (_name, overrides, message) => {
    // Refused when the environment is loaded (what production requires) or when the adapters are built (what must fit).
    const start = async () => {
      const env = await prodEnv(overrides as Partial<Env>);
      // The ORM is only kept by the ledger payment provider, never connected to here.
      domainDeps(createAdapters(env), env, {} as MikroORM);
    };
    await expect(start()).rejects.toThrow(message);
  });

  test('duplicate key ids refuse to start', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk = { ...(await exportJWK(privateKey)), kid: 'same' };
    const env = await prodEnv({ JWT_SIGNING_KEYS: JSON.stringify([jwk, jwk]) });
    expect(() => createAdapters(env)).toThrow(/duplicate kids/);
  });

  test.each([
    ['an RSA private key in PEM', async () => ({ kid: 'rsa', pem: await exportPKCS8((await generateKeyPair('RS256', { extractable: true })).privateKey) })],
    ['a P-256 JWK whose point is not on the curve', async () => ({
      ...(await exportJWK((await generateKeyPair('ES256', { extractable: true })).privateKey)), kid: 'off-curve', x: base64url.encode(new Uint8Array(32)),
    })],
  ])('%s parses but refuses to start the API, naming only its kid', async (_name, key) => {
    const jwk = await key();
    const env = await prodEnv({ JWT_SIGNING_KEYS: JSON.stringify([jwk]), PORT: 0 });
    // Refused before the database is opened or a port is bound (the URL above points nowhere).
    const started = startApi(env);
    await expect(started).rejects.toThrow(`invalid configuration: JWT_SIGNING_KEYS key "${jwk.kid}" is not a valid ES256 (P-256) private key`);
    await started.catch((e: Error) => expect(e.message).not.toMatch(/BEGIN|[A-Za-z0-9_-]{40,}/));
  });

  test('a short OTP_HASH_KEY is rejected when the environment is loaded', () => {
    expect(() => loadEnv({}, { DATABASE_URL: 'postgres://x', OTP_HASH_KEY: 'short' } as Partial<Env>)).toThrow(/OTP_HASH_KEY: must be at least 32 characters/);
  });

  test('outside production the keys are generated and SMS goes to the mock outbox', async () => {
    const adapters = createAdapters(loadEnv({}, { NODE_ENV: 'development', DATABASE_URL: 'postgres://127.0.0.1:1/none' } as Partial<Env>));
    expect(adapters.sms.provider).toBe('mock');
    expect((await adapters.keys.jwks()).keys[0]!.kid).toMatch(/^dev-/);
    await closeAdapters(adapters);
  });
});
