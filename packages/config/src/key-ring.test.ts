import { expect, test } from 'vitest';
import { z } from 'zod';
import { parseKeyRing } from './key-ring.js';

const ZKey = z.object({ kid: z.string().min(1), key: z.string().length(4) });

test('a key ring keeps its order: the first key is the current one', () => {
  expect(parseKeyRing('KEYS', '[{"kid":"new","key":"bbbb"},{"kid":"old","key":"aaaa"}]', ZKey, 'keys').map((k) => k.kid)).toEqual(['new', 'old']);
});

test.each([
  ['not JSON', 'kid=1', /KEYS must be a JSON array/],
  ['empty', '[]', /KEYS must be an array of 4-character keys/],
  ['a bad key', '[{"kid":"a","key":"secret-material"}]', /KEYS must be an array of 4-character keys/],
  ['duplicate kids', '[{"kid":"a","key":"aaaa"},{"kid":"a","key":"bbbb"}]', /KEYS has duplicate kids/],
])('%s is refused without quoting key material', (_name, raw, message) => {
  expect(() => parseKeyRing('KEYS', raw, ZKey, '4-character keys')).toThrow(message);
  try {
    parseKeyRing('KEYS', raw, ZKey, '4-character keys');
  } catch (e) {
    expect((e as Error).message).not.toMatch(/secret-material|aaaa|bbbb/);
  }
});
