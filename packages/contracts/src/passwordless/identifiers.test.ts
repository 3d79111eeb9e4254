import { describe, expect, test } from 'vitest';
import { normaliseEmail, normaliseIdentifier, normalisePhone } from './identifiers.js';
import { ZRequestMagicLinkInput, ZRequestOtpInput, ZVerifyOtpInput } from './index.js';

describe('emails', () => {
  test.each([
    ['  Ada.Lovelace+shop@Example.COM ', 'ada.lovelace+shop@example.com'],
    ['ｐａｔ@example.com', 'pat@example.com'],
    ["o'brien@example.co.uk", "o'brien@example.co.uk"],
    ['x@xn--bcher-kva.example', 'x@xn--bcher-kva.example'],
  ])('%j is normalised to %j', (raw, value) => {
    expect(normaliseEmail(raw)).toEqual({ ok: true, channel: 'email', value });
  });

  test.each([
    '"a@evil.com"@shop.com',
    'victim＠shop.com',
    'victim@shop．com',
    'a\u200b@shop.com',
    'ünï@shop.com',
    'a@shop',
    'a@-shop.com',
    `${'a'.repeat(65)}@shop.com`,
    `a@${'b'.repeat(250)}.com`,
  ])('%j is refused', (raw) => {
    expect(normaliseEmail(raw).ok).toBe(false);
  });
});

describe('phones', () => {
  test('readability separators are dropped, the result is E.164', () => {
    expect(normalisePhone(' +1 (415) 555-0123 ')).toEqual({ ok: true, channel: 'sms', value: '+14155550123' });
    expect(normalisePhone('+44.20.7946.0958')).toEqual({ ok: true, channel: 'sms', value: '+442079460958' });
  });
  test.each(['4155550123', '+0123456789', '+1234', '+1234567890123456', '+1 415 555 0123 ext 4'])('%j is refused', (raw) => {
    expect(normalisePhone(raw).ok).toBe(false);
  });
  test('a leading + means a phone when no channel is given', () => {
    expect(normaliseIdentifier('+14155550123')).toMatchObject({ ok: true, channel: 'sms' });
    expect(normaliseIdentifier('a@example.com')).toMatchObject({ ok: true, channel: 'email' });
  });
});

describe('request schemas', () => {
  test('the identifier is checked against the requested channel and named on failure', () => {
    expect(ZRequestOtpInput.parse({ identifier: 'A@Example.com', channel: 'email' })).toEqual({ identifier: 'a@example.com', channel: 'email' });
    const wrongChannel = ZRequestOtpInput.safeParse({ identifier: 'a@example.com', channel: 'sms' });
    expect(wrongChannel.success).toBe(false);
    expect(wrongChannel.error!.issues[0]!.path).toEqual(['identifier']);
  });
  test('verify infers the channel', () => {
    expect(ZVerifyOtpInput.parse({ identifier: '+1 415 555 0123', code: '012345' })).toEqual({ identifier: '+14155550123', code: '012345', channel: 'sms' });
  });
  test('a magic-link email problem is reported on `email`', () => {
    const r = ZRequestMagicLinkInput.safeParse({ email: 'a＠b.com' });
    expect(r.error!.issues[0]!.path).toEqual(['email']);
  });
});
