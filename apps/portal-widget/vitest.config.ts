import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import { workspaceConfig } from '../../vitest.shared.mjs';

// Browser tests against the real API, PostgreSQL, Temporal and SMTP: minutes, not seconds, on 2 cores.
// The bundles are built once per run, before the files (which run in parallel) serve them.
export default mergeConfig(
  workspaceConfig({ services: true, testTimeout: 90_000 }),
  defineConfig({ test: { globalSetup: [fileURLToPath(new URL('./test/build-once.ts', import.meta.url))] } }),
);
