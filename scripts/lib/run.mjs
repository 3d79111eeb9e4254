// Child processes for the root scripts: inherit output, tagged for teardown.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { onExit } from './exit.mjs';

export const root = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

/** Runs a command to completion; resolves with its exit code. */
export function run(cmd, args, { env = {}, cwd = root, stdio = 'inherit' } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio });
    const unregister = onExit({ kill: () => child.kill('SIGTERM'), stop: async () => child.kill('SIGTERM') });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      unregister();
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/**
 * Starts a long-running child and stops it with this process. With `readyWhen` (a RegExp), its
 * stdout is passed through and `child.ready` resolves on the first matching line (rejects if it exits first).
 */
export function launch(name, args, env, { readyWhen } = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=source', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: readyWhen ? ['inherit', 'pipe', 'inherit'] : 'inherit',
  });
  if (readyWhen) {
    child.ready = new Promise((resolve, reject) => {
      let tail = ''; // a line may arrive in two chunks
      child.stdout.on('data', (chunk) => {
        process.stdout.write(chunk);
        tail = (tail + chunk).slice(-1000);
        if (readyWhen.test(tail)) resolve();
      });
      child.once('exit', (code, signal) => reject(new Error(`${name} exited (${signal ?? code}) before it was ready`)));
    });
    child.ready.catch(() => {}); // awaited by the caller; never an unhandled rejection
  }
  onExit({
    kill: () => child.kill('SIGTERM'),
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  });
  child.on('exit', (code, signal) => {
    if (signal !== 'SIGTERM') process.stderr.write(`[cartly] ${name} exited (${signal ?? code})\n`);
  });
  return child;
}

/** tsx with the workspace `source` condition, so TypeScript runs without a build. */
export function tsx(script, args = [], opts = {}) {
  return run(process.execPath, ['--import', 'tsx', '--conditions=source', script, ...args], opts);
}

export const turboBin = bin('turbo');

/** Runs a TypeScript script and returns its stdout (stderr passes through). */
export function tsxOutput(script, args = [], { env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=source', script, ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${script} ${args.join(' ')} exited with ${code}`))));
  });
}
