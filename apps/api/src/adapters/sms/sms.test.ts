import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { startSnsSink, startTwilioSink, type SmsSink } from '../../../test/sms-sinks.js';
import { mockSmsSender } from './mock.js';
import { SmsDeliveryError } from './sender.js';
import { snsSmsSender } from './sns.js';
import { twilioSmsSender } from './twilio.js';

/* Each provider against a loopback stand-in that speaks its real wire protocol. */

describe('twilio', () => {
  const accountSid = 'ACtest0000000000000000000000000000';
  const authToken = 'twilio-secret-token';
  let sink: SmsSink;
  beforeAll(async () => {
    sink = await startTwilioSink({ accountSid, authToken });
  });
  afterAll(async () => {
    await sink.close();
  });

  test('sends To/From/Body with basic auth to the Messages resource', async () => {
    const sender = twilioSmsSender({ accountSid, authToken, from: '+15005550006', baseUrl: sink.url });
    await sender.send({ to: '+14155550100', body: '123456 is your code' });
    expect(sink.messages.at(-1)).toMatchObject({ to: '+14155550100', body: '123456 is your code', meta: { from: '+15005550006' } });
  });

  test('a Messaging Service SID is sent as MessagingServiceSid', async () => {
    const sender = twilioSmsSender({ accountSid, authToken, from: 'MG0123456789abcdef', baseUrl: sink.url });
    await sender.send({ to: '+14155550101', body: 'hi' });
    expect(sink.messages.at(-1)!.meta).toEqual({ from: '', messagingServiceSid: 'MG0123456789abcdef' });
  });

  test('a refusal is an SmsDeliveryError that names neither the token nor the message', async () => {
    const sender = twilioSmsSender({ accountSid, authToken, from: '+15005550006', baseUrl: sink.url });
    sink.failNext();
    const error = await sender.send({ to: '+14155550102', body: '654321 is your code' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsDeliveryError);
    expect((error as Error).message).toBe('twilio: message refused (HTTP 400, code 21211)');
    const wrongAuth = twilioSmsSender({ accountSid, authToken: 'wrong', from: '+15005550006', baseUrl: sink.url });
    await expect(wrongAuth.send({ to: '+14155550102', body: 'x' })).rejects.toThrow('twilio: message refused (HTTP 401, code 20003)');
  });

  test('an unreachable provider is an SmsDeliveryError', async () => {
    const sender = twilioSmsSender({ accountSid, authToken, from: '+15005550006', baseUrl: 'http://127.0.0.1:1' });
    await expect(sender.send({ to: '+14155550103', body: 'x' })).rejects.toThrow('twilio: provider unreachable');
  });
});

describe('sns', () => {
  let sink: SmsSink;
  beforeAll(async () => {
    sink = await startSnsSink();
  });
  afterAll(async () => {
    await sink.close();
  });

  test('publishes a signed, Transactional SMS to the configured endpoint and region', async () => {
    const sender = snsSmsSender({ region: 'ap-southeast-2', endpoint: sink.url, credentials: { accessKeyId: 'AKIDSNS', secretAccessKey: 's' } });
    await sender.send({ to: '+61400000000', body: '111222 is your code' });
    sender.close();
    const sms = sink.messages.at(-1)!;
    expect(sms).toMatchObject({ to: '+61400000000', body: '111222 is your code' });
    expect(sms.meta.smsType).toBe('Transactional');
    expect(sms.meta.version).toBe('2010-03-31');
    expect(sms.meta.authorization).toMatch(/Credential=AKIDSNS\/\d{8}\/ap-southeast-2\/sns\/aws4_request/);
  });

  test('a refusal is an SmsDeliveryError', async () => {
    const sender = snsSmsSender({ region: 'us-east-1', endpoint: sink.url, credentials: { accessKeyId: 'AKIDSNS', secretAccessKey: 's' } });
    sink.failNext();
    await expect(sender.send({ to: '+61400000001', body: 'x' })).rejects.toThrow(/^sns: publish failed \(InvalidParameter/);
    sender.close();
  });
});

describe('mock', () => {
  test('records every message, and prints it when asked (development)', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const quiet = mockSmsSender({ print: false });
      await quiet.send({ to: '+14155550199', body: '999000 is your code' });
      expect(quiet.messages).toMatchObject([{ to: '+14155550199', body: '999000 is your code' }]);
      expect(log).not.toHaveBeenCalled();

      const loud = mockSmsSender({ print: true });
      await loud.send({ to: '+14155550199', body: '999000 is your code' });
      expect(log).toHaveBeenCalledWith('[sms:mock] to +14155550199: 999000 is your code');
    } finally {
      log.mockRestore();
    }
  });

  test('keeps a bounded outbox', async () => {
    const sender = mockSmsSender({ print: false, limit: 3 });
    for (let i = 0; i < 5; i++) await sender.send({ to: '+14155550199', body: String(i) });
    expect(sender.messages.map((m) => m.body)).toEqual(['2', '3', '4']);
  });
});
