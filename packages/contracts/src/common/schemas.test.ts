import { expect, test } from 'vitest';
import { ZEmail, ZPhone } from './schemas.js';
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
