import { expect, test } from 'vitest';
import { z } from 'zod';
import { databaseEnvShape, mailEnvShape, parseEnv, temporalEnvShape } from './index.js';

const schema = z.object({ ...databaseEnvShape(7), ...temporalEnvShape, ...mailEnvShape });

test('defaults fill in what is not set', () => {
  const env = parseEnv(schema, { DATABASE_URL: 'postgres://db' });
  expect(env).toMatchObject({ DATABASE_POOL_MAX: 7, TEMPORAL_TASK_QUEUE: 'cartly', SMTP_URL: 'smtp://127.0.0.1:2525' });
});

test('every problem is named in one error', () => {
  expect(() => parseEnv(schema, { SMTP_URL: 'http://mail', DATABASE_POOL_MAX: 'many' })).toThrow(
    /DATABASE_URL: .*; DATABASE_POOL_MAX: .*; SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/,
  );
});

test('overrides win over the environment', () => {
  expect(parseEnv(schema, { DATABASE_URL: 'postgres://a' }, { DATABASE_URL: 'postgres://b' }).DATABASE_URL).toBe('postgres://b');
});

test('settings required in production are all named at once, and only in production', () => {
  const withNode = z.object({ NODE_ENV: z.enum(['development', 'production']), SECRET: z.string().optional(), OTHER: z.string().optional() });
  const rules = [{ key: 'SECRET', what: 'a signing key' }, { key: 'OTHER', what: 'a provider' }];
  expect(() => parseEnv(withNode, { NODE_ENV: 'production' }, {}, rules)).toThrow(
    'invalid configuration: SECRET (a signing key) is required in production; OTHER (a provider) is required in production',
  );
  expect(parseEnv(withNode, { NODE_ENV: 'development' }, {}, rules).SECRET).toBeUndefined();
  expect(parseEnv(withNode, { NODE_ENV: 'production', SECRET: 's', OTHER: 'o' }, {}, rules).OTHER).toBe('o');
});
