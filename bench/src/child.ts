import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { ParentMessage } from './serve.js';

/*
 * Each server under test runs in a child process of its own (the load
 * generator must not share its event loop), talking to us over IPC: it sends
 * `{ url }` once listening, answers each request with one message, and
 * exits cleanly on `'stop'`.
 */

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface ServerChild {
  url: string;
  /** CPU time (user + system, µs) the server process has used so far. */
  cpuMicros(): Promise<number>;
  /** RSS and the JS heap in use, both right after a full garbage collection. */
  memory(): Promise<{ rssBytes: number; heapBytes: number }>;
  /** SIGKILL, as a crash or an OOM kill would: no shutdown hook runs. Resolves once it has exited. */
  kill(): Promise<void>;
  /** Starts a V8 CPU profile; `stop` writes it to `file`. */
  profile(): Promise<{ stop(file: string): Promise<void> }>;
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function spawnServer(entry: string, env: NodeJS.ProcessEnv, nodeArgs: string[] = []): Promise<ServerChild> {
  // --expose-gc: the memory figures (rss message) are read after a full collection.
  const child = spawn(process.execPath, ['--expose-gc', ...nodeArgs, '--conditions=source', '--import', 'tsx', fileURLToPath(new URL(entry, import.meta.url))], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m: { url?: string }) => (m.url ? resolve(m.url) : reject(new Error(`${entry}: unexpected message`))));
    child.once('exit', (code, signal) => reject(new Error(`${entry} exited before listening (${signal ?? `exit code ${code}`})`)));
    child.once('error', reject);
  });
  const ask = async <T>(m: ParentMessage): Promise<T> => {
    const answer = once(child, 'message');
    child.send(m);
    return ((await answer) as [T])[0];
  };
  return {
    url,
    async cpuMicros() {
      return (await ask<{ cpuMicros: number }>('cpu')).cpuMicros;
    },
    memory() {
      return ask<{ rssBytes: number; heapBytes: number }>('rss');
    },
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async profile() {
      await ask({ profileStart: true });
      return { stop: async (file: string) => void (await ask({ profileStop: file })) };
    },
    async stop() {
      if (child.connected) child.send('stop');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(timer);
    },
  };
}
