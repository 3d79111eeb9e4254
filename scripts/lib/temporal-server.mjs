// Runs `temporal server start-dev` bound to loopback only and waits until it really serves requests.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { ensureTemporalCli } from './temporal-cli.mjs';
import { canConnect, isPortFree } from './ports.mjs';
import { onExit } from './exit.mjs';
import { say } from './log.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// Linux: have the kernel SIGTERM the server even if this process is SIGKILLed.
const SETPRIV = process.platform === 'linux' && fs.existsSync('/usr/bin/setpriv') ? '/usr/bin/setpriv' : null;

// Probe with a scrubbed env so a developer's TEMPORAL_* settings (TLS, API key, profile) can't interfere.
function cleanEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TEMPORAL_')));
}

export function describeNamespace(cli, address, env = cleanEnv()) {
  return new Promise((resolve) => {
    const args = ['operator', 'namespace', 'describe', 'default', '--address', address, '--command-timeout', '5s', '--disable-config-file'];
    const child = spawn(cli, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    child.once('error', (e) => resolve({ ok: false, out: e.message }));
    child.once('exit', (code) => resolve({ ok: code === 0, out }));
  });
}

export async function startTemporal({ port, uiPort, dbFile, log } = {}) {
  const cli = await ensureTemporalCli();
  const address = `127.0.0.1:${port}`;
  if (!(await isPortFree(port))) throw new Error(`cannot start Temporal: ${address} is already in use (another \`npm start\`, or a leftover temporal process?)`);

  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--log-level', 'warn', '--namespace', 'default',
    '--dynamic-config-value', 'frontend.enableServerVersionCheck=false'];
  // Metrics, HTTP API and internal service ports are random free ports on --ip, i.e. loopback too.
  args.push(...(uiPort ? ['--ui-port', String(uiPort)] : ['--headless']));
  if (dbFile) { fs.mkdirSync(path.dirname(dbFile), { recursive: true }); args.push('--db-filename', dbFile); }

  const [cmd, argv] = SETPRIV ? [SETPRIV, ['--pdeathsig', 'TERM', '--', cli, ...args]] : [cli, args];
  const child = spawn(cmd, argv, { env: { ...cleanEnv(), TEMPORAL_VERSION_CHECK_DISABLED: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let exited = false;
  const exitPromise = new Promise((r) => {
    child.once('exit', (code, sig) => { exited = true; r(sig ?? code); });
    child.once('error', (e) => { exited = true; r(e.message); }); // spawn failure: no 'exit' follows
  });

  // Keep recent output for error messages; only surface ERROR lines by default (start-dev is chatty on shutdown).
  const recent = [];
  let quiet = false;
  const emit = log ?? ((line) => { if (/level=ERROR/.test(line)) say(`temporal: ${line}`); });
  for (const stream of [child.stdout, child.stderr]) {
    let buf = '';
    stream.on('data', (d) => {
      const lines = (buf + d).split('\n');
      buf = lines.pop();
      for (const line of lines) {
        recent.push(line);
        if (recent.length > 40) recent.shift();
        if (!quiet && line.trim()) emit(line);
      }
    });
  }

  // An in-memory server has nothing to flush, so kill it outright; a file-backed one gets SIGTERM.
  const signal = dbFile ? 'SIGTERM' : 'SIGKILL';
  const stop = async () => {
    unregister();
    quiet = true;
    if (exited) return;
    child.kill(signal);
    const t = setTimeout(() => child.kill('SIGKILL'), 15000);
    await exitPromise;
    clearTimeout(t);
  };
  const unregister = onExit({ kill: () => { if (!exited) child.kill(signal); }, stop });

  const deadline = Date.now() + 60000;
  let last = '';
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`temporal server exited during startup (${await exitPromise}):\n${recent.join('\n')}`);
    }
    if (await canConnect(port)) {
      const r = await describeNamespace(cli, address);
      if (r.ok) break;
      last = r.out.trim();
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`temporal server at ${address} was not ready within 60s.\nlast probe: ${last}\nserver output:\n${recent.join('\n')}`);
    }
    await sleep(200);
  }
  child.once('exit', (code, sig) => { if (!quiet) say(`temporal server exited unexpectedly (${sig ?? `code ${code}`}):\n${recent.slice(-10).join('\n')}`); });
  return { address, stop };
}
