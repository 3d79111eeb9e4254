import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';

/* The embedded development PostgreSQL: its superuser has a random password per data dir, never postgres/postgres. */

const root = fileURLToPath(new URL('../../..', import.meta.url));
type Started = { url: string; stop(): Promise<void> };
const { startPostgres, passwordFileOf } = (await import(`${root}/scripts/lib/postgres.mjs`)) as {
  startPostgres(o: { dataDir: string; port: number }): Promise<Started>;
  passwordFileOf(dataDir: string): string;
};

const freePort = () => new Promise<number>((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address() as AddressInfo; s.close(() => resolve(port)); });
});
const canConnect = async (url: string) => {
  const client = new pg.Client({ connectionString: url });
  try { await client.connect(); await client.end(); return true; } catch { return false; }
};

let dir: string;
let port: number;
let started: Started | undefined;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cartly-pg-'));
  fs.chmodSync(dir, 0o755);
  port = await freePort();
  started = await startPostgres({ dataDir: path.join(dir, 'pg'), port });
}, 120_000);
afterAll(async () => {
  await started?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the development database refuses postgres/postgres and accepts the generated password from a 0600 file', async () => {
  const file = passwordFileOf(path.join(dir, 'pg'));
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  const password = fs.readFileSync(file, 'utf8').trim();
  expect(password).toMatch(/^[0-9a-f]{48}$/);
  expect(started!.url).toBe(`postgres://postgres:${password}@127.0.0.1:${port}/postgres`);
  expect(await canConnect(`postgres://postgres:postgres@127.0.0.1:${port}/postgres`)).toBe(false);
  expect(await canConnect(started!.url)).toBe(true);
}, 60_000);
