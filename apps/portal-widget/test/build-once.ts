import { mkdirSync, writeFileSync } from 'node:fs';
import { buildWidget, BUILD_OUTPUT } from './build.js';

/**
 * vitest globalSetup: builds both bundles once per run, before any test file
 * starts. Test files run in parallel and serve dist/ to the browser, so a
 * build per file could rewrite a bundle while another file's page loads it.
 */
export default async function buildOnce(): Promise<void> {
  const output = await buildWidget();
  mkdirSync(new URL('.', BUILD_OUTPUT), { recursive: true });
  writeFileSync(BUILD_OUTPUT, output);
}
