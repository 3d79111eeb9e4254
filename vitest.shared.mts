import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The one vitest configuration every workspace uses: sources through the
 * `source` export condition, a JSON report `npm test` sums up, and (with
 * `services`) PostgreSQL and Temporal from the shared globalSetup.
 */
export function workspaceConfig(opts: { services?: boolean; testTimeout?: number } = {}) {
  return defineConfig({
    resolve: { conditions: ['source'] },
    ssr: { resolve: { conditions: ['source'] } },
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      globalSetup: opts.services ? [fileURLToPath(new URL('./packages/db/test/global-setup.ts', import.meta.url))] : [],
      testTimeout: opts.testTimeout ?? 30_000,
      hookTimeout: 120_000,
      pool: 'forks',
      reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    },
  });
}
