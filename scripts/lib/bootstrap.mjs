// Runs before dependencies exist, so node builtins only.
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { say } from './log.mjs';

export function ensureDependencies(root) {
  const lock = path.join(root, 'package-lock.json');
  // npm rewrites this "hidden lockfile" after every successful install.
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  let reason;
  if (!existsSync(marker)) reason = 'node_modules is missing or incomplete';
  else if (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs) reason = 'package-lock.json is newer than node_modules';
  if (!reason) return;

  say(`${reason}; running \`npm ci --no-audit --no-fund\` ...`);
  const win = process.platform === 'win32';
  const r = spawnSync(win ? 'npm.cmd' : 'npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit', shell: win });
  if (r.error || r.status !== 0) {
    const why = r.error ? r.error.message : r.signal ? `killed by ${r.signal}` : `exit code ${r.status}`;
    say(`\`npm ci\` failed (${why}). Fix the error above and run the command again.`);
    process.exit(r.status || 1);
  }
  say('dependencies installed');
}
