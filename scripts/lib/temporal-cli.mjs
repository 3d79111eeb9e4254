// Finds or builds the `temporal` CLI (which embeds the dev server). Node builtins only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { say } from './log.mjs';

const VERSION = 'v1.5.1';
const PKG = `github.com/temporalio/cli/cmd/temporal@${VERSION}`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function temporalCacheDir() {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'cartly', `temporal-${VERSION}`);
}

function isExecutable(p) {
  try { fs.accessSync(p, fs.constants.X_OK); return fs.statSync(p).isFile(); } catch { return false; }
}

function pidAlive(pid) {
  try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; }
}

// Lock only avoids two concurrent multi-minute builds; correctness comes from the atomic rename.
function tryLock(lock) {
  try { fs.writeFileSync(lock, String(process.pid), { flag: 'wx' }); return true; } catch (e) { if (e.code !== 'EEXIST') throw e; }
  const holder = Number(fs.readFileSync(lock, 'utf8')) || 0;
  if (holder && pidAlive(holder)) return false;
  fs.rmSync(lock, { force: true }); // stale lock from a killed build
  return tryLock(lock);
}

function run(cmd, args, opts) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, opts);
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

function onPath(cmd) {
  return (process.env.PATH || '').split(path.delimiter).some((d) => d && isExecutable(path.join(d, cmd)));
}

async function build(dir, bin) {
  if (!onPath('go')) {
    throw new Error(`the Temporal CLI ${VERSION} is not cached and \`go\` is not on PATH, so it cannot be built. Install Go (https://go.dev/dl/) or set TEMPORAL_CLI=/path/to/temporal.`);
  }
  for (const name of fs.readdirSync(dir)) { // leftovers of interrupted builds (~250MB each)
    const p = path.join(dir, name);
    if (name.startsWith('tmp-') && Date.now() - fs.statSync(p).mtimeMs > 3600e3) fs.rmSync(p, { recursive: true, force: true });
  }
  const gobin = fs.mkdtempSync(path.join(dir, 'tmp-'));
  try {
    say(`building the Temporal CLI ${VERSION} with \`go install ${PKG}\``);
    say('this is a one-time build that takes a few minutes; later runs reuse the cached binary');
    const r = await run('go', ['install', PKG], { cwd: dir, env: { ...process.env, GOBIN: gobin }, stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.code !== 0) throw new Error(`\`go install ${PKG}\` failed (${r.signal ?? `exit code ${r.code}`}); see the output above.`);
    fs.mkdirSync(path.dirname(bin), { recursive: true });
    fs.renameSync(path.join(gobin, 'temporal'), bin); // atomic: readers see no file or a complete one
    say(`Temporal CLI cached at ${bin}`);
  } finally {
    fs.rmSync(gobin, { recursive: true, force: true });
  }
}

export async function ensureTemporalCli() {
  const fromEnv = process.env.TEMPORAL_CLI;
  if (fromEnv) {
    if (isExecutable(path.resolve(fromEnv))) return path.resolve(fromEnv);
    say(`TEMPORAL_CLI=${fromEnv} is not an executable file; ignoring it`);
  }
  const dir = temporalCacheDir();
  const bin = path.join(dir, 'bin', 'temporal');
  if (isExecutable(bin)) return bin;

  fs.mkdirSync(dir, { recursive: true });
  const lock = path.join(dir, 'build.lock');
  const waitStarted = Date.now();
  let lastTold = 0;
  while (!tryLock(lock)) {
    if (isExecutable(bin)) return bin;
    // A build takes minutes: say so now and every 15 s, so a wait never looks like a hang.
    const waited = Math.round((Date.now() - waitStarted) / 1000);
    if (lastTold === 0 || Date.now() - lastTold >= 15_000) {
      let holder = '';
      try { holder = ` (pid ${Number(fs.readFileSync(lock, 'utf8'))})`; } catch {}
      say(lastTold === 0
        ? `another process${holder} is building the Temporal CLI ${VERSION} into ${dir}; waiting for it (a first build takes a few minutes)...`
        : `still waiting for the Temporal CLI build${holder}: ${waited} s so far`);
      lastTold = Date.now();
    }
    await sleep(2000);
  }
  try {
    if (!isExecutable(bin)) await build(dir, bin);
  } finally {
    fs.rmSync(lock, { force: true });
  }
  return bin;
}
