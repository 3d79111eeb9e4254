import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** Builds both bundles as `npm run build` does; returns what the build printed (the sizes). */
export async function buildWidget(): Promise<string> {
  const cwd = fileURLToPath(new URL('..', import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, ['build.mjs'], { cwd });
  return stdout;
}
