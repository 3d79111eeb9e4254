import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Session } from 'node:inspector/promises';

/** Where BENCH_CPU_PROF asks for CPU profiles (relative to the repo root), created; undefined when not asked. */
export async function profileDirectory(setting: string | undefined, repoRoot: string): Promise<string | undefined> {
  if (!setting) return undefined;
  const dir = path.resolve(repoRoot, setting);
  await mkdir(dir, { recursive: true });
  return dir;
}

/**
 * A V8 CPU profile of this process between start() and stop(), i.e. of the
 * measured window only (not startup or warm-up). Open the .cpuprofile in
 * Chrome DevTools or speedscope.
 */
export function cpuProfiler() {
  const session = new Session();
  return {
    async start() {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 200 });
      await session.post('Profiler.start');
    },
    async stop(file: string) {
      const { profile } = await session.post('Profiler.stop');
      await writeFile(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}
