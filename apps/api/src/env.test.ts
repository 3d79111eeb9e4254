import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { ZEnv as ZWorkerEnv } from '@cartly/worker/env';
import { ZEnv } from './env.js';

// turbo runs tasks with a filtered environment: a setting it does not pass through is silently unset in tests.
test('turbo passes through every setting the API and the worker read', () => {
  const turbo = JSON.parse(readFileSync(new URL('../../../turbo.json', import.meta.url), 'utf8')) as { globalPassThroughEnv: string[] };
  const patterns = turbo.globalPassThroughEnv.map((p) => new RegExp(`^${p.replace(/\*/g, '.*')}$`));
  const keys = [...new Set([...Object.keys(ZEnv.shape), ...Object.keys(ZWorkerEnv.shape)])];
  expect(keys.filter((k) => !patterns.some((p) => p.test(k)))).toEqual([]);
});
