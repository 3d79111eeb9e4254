import { expect, test } from 'vitest';
import { COUNTRY_CODES, CONTROL_CHARACTERS_MESSAGE, text, ZBoolean, ZCountryCode, ZEmail, ZPhone } from './schemas.js';
import { ZPageInput } from './pagination.js';

test('emails are trimmed, NFKC-normalised and lower-cased', () => {
  expect(ZEmail.parse('  Ada@Example.COM ')).toBe('ada@example.com');
  expect(ZEmail.parse('ＡＤＡ@example.com')).toBe('ada@example.com');
});

test.each(['"a@evil.com"@shop.com', 'no-at-sign', 'a@', '@b.com', 'a b@c.com'])('%s is not a plain email', (raw) => {
  expect(ZEmail.safeParse(raw).success).toBe(false);
});

test('phones must be E.164', () => {
  expect(ZPhone.parse('+14155550123')).toBe('+14155550123');
  for (const bad of ['4155550123', '+1 415 555 0123', '+0123456789', '+1234567890123456']) {
    expect(ZPhone.safeParse(bad).success, bad).toBe(false);
  }
});

test('page size is bounded and defaults to 20', () => {
  expect(ZPageInput.parse({})).toEqual({ limit: 20 });
  expect(ZPageInput.safeParse({ limit: 101 }).success).toBe(false);
  expect(ZPageInput.safeParse({ limit: 0 }).success).toBe(false);
  expect(ZPageInput.safeParse({ limit: 5, extra: 1 }).success).toBe(false);
});

test.each([
  ['NUL', 'a\u0000b'], ['a bell', 'a\u0007'], ['DEL', 'a\u007f'], ['a C1 control', 'a\u0085'],
  ['a lone high surrogate', 'a\ud800'], ['a lone low surrogate', '\udc00b'],
])('text() refuses %s', (_what, raw) => {
  const r = text({ max: 50 }).safeParse(raw);
  expect(r.success).toBe(false);
  expect(r.error?.issues[0]?.message).toBe(CONTROL_CHARACTERS_MESSAGE);
});

test('text() keeps real text, and new lines only where asked', () => {
  expect(text({ max: 50 }).parse('  Zoë 😀 北京 ')).toBe('Zoë 😀 北京');
  expect(text({ max: 50 }).safeParse('two\nlines').success).toBe(false);
  expect(text({ max: 50, multiline: true }).parse('two\nlines\tand a tab')).toBe('two\nlines\tand a tab');
  expect(text({ min: 1, max: 5 }).safeParse('   ').error?.issues[0]?.message).toBe('must not be empty');
});

test('email: admin and login share one rule, so full-width look-alikes are refused everywhere', () => {
  expect(ZEmail.safeParse('ada＠example.com').success).toBe(false);
  expect(ZEmail.safeParse('ａｄａ@example.com').success).toBe(true); // letters only: NFKC folds them, nothing structural changes
  expect(ZEmail.safeParse('ada@example.com\u0000').success).toBe(false);
});

test('country codes are real ISO 3166-1 alpha-2 codes', () => {
  expect(COUNTRY_CODES).toHaveLength(249);
  for (const ok of ['US', 'DE', 'AX', 'SS']) expect(ZCountryCode.safeParse(ok).success, ok).toBe(true);
  for (const bad of ['XX', 'ZZ', 'UK', 'EU', 'us', 'USA', '']) expect(ZCountryCode.safeParse(bad).success, bad).toBe(false);
});

test('booleans are booleans', () => {
  for (const bad of ['false', 'yes', [1], 0, 1, null]) expect(ZBoolean.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  expect(ZBoolean.parse(false)).toBe(false);
});

test('limit=abc gets a message a person understands', () => {
  expect(ZPageInput.safeParse({ limit: 'abc' }).error?.issues[0]?.message).toBe('must be a whole number from 1 to 100');
  expect(ZPageInput.parse({ limit: '7' })).toEqual({ limit: 7 });
});
