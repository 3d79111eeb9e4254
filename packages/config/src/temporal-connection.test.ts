import { expect, test } from 'vitest';
import { z } from 'zod';
import { nodeEnvShape, parseEnv, temporalConnectionConfig, temporalEnvShape, isLoopbackAddress } from './index.js';

const schema = z.object({ ...nodeEnvShape, ...temporalEnvShape });
const files: Record<string, string> = { '/ca.pem': 'CA', '/crt.pem': 'CRT', '/key.pem': 'KEY' };
const readFile = (path: string) => {
  if (!(path in files)) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
  return Buffer.from(files[path]!);
};
const config = (source: Record<string, string>) => temporalConnectionConfig(parseEnv(schema, source), readFile);

test('plaintext by default, which production allows only on loopback', () => {
  expect(config({ NODE_ENV: 'development', TEMPORAL_ADDRESS: 'temporal.internal:7233' })).toEqual({ address: 'temporal.internal:7233' });
  expect(config({ NODE_ENV: 'production', TEMPORAL_ADDRESS: '127.0.0.1:7233' })).toEqual({ address: '127.0.0.1:7233' });
  expect(config({ NODE_ENV: 'production', TEMPORAL_ADDRESS: '[::1]:7233' })).toEqual({ address: '[::1]:7233' });
  for (const address of ['temporal.internal:7233', '10.0.0.5:7233', '[2001:db8::1]:7233', '127.0.0.1.example.com:7233']) {
    expect(() => config({ NODE_ENV: 'production', TEMPORAL_ADDRESS: address })).toThrow(/is not loopback: production needs TEMPORAL_TLS/);
  }
  // Even an API key does not make plaintext acceptable: it would travel in clear.
  expect(() => config({ NODE_ENV: 'production', TEMPORAL_ADDRESS: 'temporal.internal:7233', TEMPORAL_API_KEY: 'k' })).toThrow(/not loopback/);
  expect(config({ NODE_ENV: 'production', TEMPORAL_ADDRESS: 'temporal.internal:7233', TEMPORAL_ALLOW_PLAINTEXT: 'true' })).toEqual({
    address: 'temporal.internal:7233',
  });
});

test('TLS with a CA, mTLS with a client pair, a server name and an API key', () => {
  expect(config({ NODE_ENV: 'production', TEMPORAL_ADDRESS: 'ns.tmprl.cloud:7233', TEMPORAL_TLS: 'true', TEMPORAL_API_KEY: 'secret' })).toEqual({
    address: 'ns.tmprl.cloud:7233', tls: {}, apiKey: 'secret',
  });
  const full = config({
    NODE_ENV: 'production',
    TEMPORAL_ADDRESS: '10.0.0.5:7233',
    TEMPORAL_TLS_CA_FILE: '/ca.pem',
    TEMPORAL_TLS_CERT_FILE: '/crt.pem',
    TEMPORAL_TLS_KEY_FILE: '/key.pem',
    TEMPORAL_TLS_SERVER_NAME: 'temporal.internal',
  });
  expect(full.tls).toEqual({
    serverNameOverride: 'temporal.internal',
    serverRootCACertificate: Buffer.from('CA'),
    clientCertPair: { crt: Buffer.from('CRT'), key: Buffer.from('KEY') },
  });
});

test('contradictions and missing files are named', () => {
  expect(() => config({ TEMPORAL_TLS_CERT_FILE: '/crt.pem' })).toThrow(/TEMPORAL_TLS_CERT_FILE and TEMPORAL_TLS_KEY_FILE go together/);
  expect(() => config({ TEMPORAL_TLS: 'false', TEMPORAL_TLS_CA_FILE: '/ca.pem' })).toThrow(/TEMPORAL_TLS is false/);
  expect(() => config({ TEMPORAL_TLS_CA_FILE: '/missing.pem' })).toThrow(/TEMPORAL_TLS_CA_FILE: cannot read \/missing.pem \(ENOENT\)/);
  expect(() => parseEnv(schema, { TEMPORAL_TLS: 'maybe' })).toThrow(/TEMPORAL_TLS/);
});

test('loopback means this machine only', () => {
  expect(['127.0.0.1:1', '127.8.0.1:1', 'localhost:7233', '[::1]:7233'].every(isLoopbackAddress)).toBe(true);
  expect(['0.0.0.0:7233', 'localhost.example.com:1', '[::ffff:10.0.0.1]:1', '128.0.0.1:1'].some(isLoopbackAddress)).toBe(false);
});
