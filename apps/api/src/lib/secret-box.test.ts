import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { secretBox, SecretBoxError, secretBoxFromEnv } from './secret-box.js';

const key = (kid: string) => ({ kid, key: randomBytes(32) });
const envKeys = (...keys: { kid: string; key: Buffer }[]) =>
  JSON.stringify(keys.map((k) => ({ kid: k.kid, key: k.key.toString('base64') })));

describe('secret box', () => {
  it('round-trips, with a fresh nonce each time and the kid in the sealed text', () => {
    const box = secretBox([key('k1')]);
    const a = box.seal('refresh-token-123', 'shop-1:token');
    const b = box.seal('refresh-token-123', 'shop-1:token');
    expect(a).not.toEqual(b);
    expect(a.startsWith('v1.k1.')).toBe(true);
    expect(a).not.toContain('refresh-token-123');
    expect(box.open(a, 'shop-1:token')).toBe('refresh-token-123');
  });

  it('refuses other associated data, tampering, truncation and unknown keys', () => {
    const box = secretBox([key('k1')]);
    const sealed = box.seal('secret', 'shop-1:token');
    expect(() => box.open(sealed, 'shop-2:token')).toThrow(SecretBoxError);
    const body = Buffer.from(sealed.split('.')[2]!, 'base64url');
    body[body.length - 20]! ^= 1;
    expect(() => box.open(`v1.k1.${body.toString('base64url')}`, 'shop-1:token')).toThrow(SecretBoxError);
    expect(() => box.open('v1.k1.AAAA', 'shop-1:token')).toThrow(SecretBoxError);
    expect(() => box.open(sealed.replace('v1.k1.', 'v1.k9.'), 'shop-1:token')).toThrow(SecretBoxError);
    expect(() => box.open('plaintext', 'shop-1:token')).toThrow(SecretBoxError);
  });

  it('rotates: the first key seals, every configured key opens', () => {
    const old = key('old');
    const sealedByOld = secretBox([old]).seal('s', 'ad');
    const rotated = secretBoxFromEnv({ NODE_ENV: 'production', DATA_ENCRYPTION_KEYS: envKeys(key('new'), old) });
    expect(rotated.currentKid).toBe('new');
    expect(rotated.open(sealedByOld, 'ad')).toBe('s');
    expect(rotated.needsResealing(sealedByOld)).toBe(true);
    expect(rotated.needsResealing(rotated.seal('s', 'ad'))).toBe(false);
  });

  it('is required in production and validated; a random key per process elsewhere', () => {
    expect(() => secretBoxFromEnv({ NODE_ENV: 'production' })).toThrow(/required in production/);
    expect(() => secretBoxFromEnv({ NODE_ENV: 'production', DATA_ENCRYPTION_KEYS: 'nope' })).toThrow(/JSON array/);
    expect(() => secretBoxFromEnv({ NODE_ENV: 'production', DATA_ENCRYPTION_KEYS: JSON.stringify([{ kid: 'a', key: randomBytes(16).toString('base64') }]) }))
      .toThrow(/not 32 bytes/);
    expect(() => secretBoxFromEnv({ NODE_ENV: 'production', DATA_ENCRYPTION_KEYS: envKeys(key('a'), key('a')) })).toThrow(/duplicate/);
    const dev1 = secretBoxFromEnv({ NODE_ENV: 'test' });
    const dev2 = secretBoxFromEnv({ NODE_ENV: 'test' });
    expect(() => dev2.open(dev1.seal('x', 'ad'), 'ad')).toThrow(SecretBoxError);
  });
});
