/* global URL, console, process */
// Builds the widget twice from one source: an ES module and a classic script (window.CartlyPortal).
// Prints each bundle's gzip size and fails over the budget, or if any server code got in.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** SPEC/issue budget for the classic script, everything included. */
export const BUDGET_GZIP_BYTES = 60 * 1024;

const here = fileURLToPath(new URL('.', import.meta.url));
const common = {
  absWorkingDir: here,
  bundle: true,
  minify: true,
  sourcemap: true,
  target: ['es2020'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  // Workspace packages resolve to their sources (like tsc and vitest here).
  conditions: ['source'],
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
};

const builds = [
  { name: 'ES module', entryPoints: ['src/index.ts'], outfile: 'dist/portal-widget.mjs', format: 'esm' },
  { name: 'classic script', entryPoints: ['src/classic.ts'], outfile: 'dist/portal-widget.js', format: 'iife', globalName: 'CartlyPortal' },
];

let failed = false;
for (const { name, ...opts } of builds) {
  const result = await build({ ...common, ...opts });
  const server = Object.keys(result.metafile.inputs).filter((p) => /(^|\/)(apps\/api|packages\/(db|contracts|mail|payments))\/|node_modules\/(@trpc\/server\/dist\/adapters|zod|@mikro-orm|pg|knex)\//.test(p));
  if (server.length) {
    console.error(`[widget] ${name}: server code in the bundle: ${server.slice(0, 5).join(', ')}`);
    failed = true;
  }
  const bytes = readFileSync(`${here}${opts.outfile}`);
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const over = opts.format === 'iife' && gzip > BUDGET_GZIP_BYTES;
  console.log(`[widget] ${name.padEnd(14)} ${opts.outfile.padEnd(24)} ${(bytes.length / 1024).toFixed(1).padStart(6)} KB, ${(gzip / 1024).toFixed(1).padStart(5)} KB gzip${opts.format === 'iife' ? ` (budget ${BUDGET_GZIP_BYTES / 1024} KB)` : ''}${over ? '  OVER BUDGET' : ''}`);
  if (over) failed = true;
}
if (failed) process.exit(1);
