import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
// Fixed addresses of the `npm start` environment, shared by start.mjs and cartly.mjs.
export const DEV_PG_PORT = 54329;
/** The `npm start` database; its password is the one generated for .data/pg-dev (postgres.mjs). */
export function devDatabaseUrl(root) {
  let password = '';
  try { password = fs.readFileSync(path.join(root, '.data', 'pg-dev.password'), 'utf8').trim(); } catch {}
  return `postgres://postgres:${password}@127.0.0.1:${DEV_PG_PORT}/cartly`;
}
export const DEV_TEMPORAL_PORT = 7233;
export const DEV_API_PORT = 3000;
export const DEV_SMTP_PORT = 2525;
export const DEV_WIDGET_PORT = 3001;

/**
 * The development key ring that seals secrets at rest (DATA_ENCRYPTION_KEYS): made once per clone
 * in `.data/` (mode 0600) so `npm start`, its restarts and `npm run cartly` open each other's
 * SSO client secrets and stored OAuth tokens. Production supplies its own.
 */
export function devEncryptionKeys(root) {
  const file = path.join(root, '.data', 'dev-encryption-keys.json');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    const ring = JSON.stringify([{ kid: `dev-${crypto.randomBytes(4).toString('hex')}`, key: crypto.randomBytes(32).toString('base64') }]);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, ring, { mode: 0o600, flag: 'wx' });
    return ring;
  }
}
