import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** Where the run's one build (test/build-once.ts) leaves what it printed. */
export const BUILD_OUTPUT = new URL('../test-results/build-output.txt', import.meta.url);

/** What the run's build printed (the sizes); the bundles in dist/ are that build's. */
export const builtWidget = (): string => readFileSync(BUILD_OUTPUT, 'utf8');

/** Builds both bundles as `npm run build` does; returns what the build printed (the sizes). */
export async function buildWidget(): Promise<string> {
  const cwd = fileURLToPath(new URL('..', import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, ['build.mjs'], { cwd });
  return stdout;
}

/** Bundles the test-only fixture of the screens that wait for their API (test/fixtures/prepared.tsx). */
export async function buildPreparedFixture(outfile: string): Promise<void> {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [fileURLToPath(new URL('./fixtures/prepared.tsx', import.meta.url))],
    outfile,
    bundle: true,
    format: 'iife',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    conditions: ['source'],
    logLevel: 'warning',
  });
}
