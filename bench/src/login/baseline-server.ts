// The login bench's floor: node:http + a pg Pool doing one HMAC-SHA256 of the submitted code and one row
// update of its otp_code row per POST, with no framework, ORM, validation, limits or token issuance.
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import pg from 'pg';
import { loadBenchEnv } from '../env.js';
import { listenBaseline } from '../serve.js';

const env = loadBenchEnv();
const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: env.BENCH_POOL_MAX });
const key = Buffer.from(env.OTP_HASH_KEY ?? 'baseline', 'utf8');

async function verify(raw: string): Promise<{ ok: boolean; digest: string }> {
  const { identifier, code } = JSON.parse(raw) as { identifier: string; code: string };
  // A write of the row (a new tuple version, as the API's attempt count is), leaving the code usable.
  const { rows } = await pool.query<{ id: string }>(
    `update "otp_code" set "attempts" = "attempts" where "identifier" = $1 and "state" = 'live' returning "id"`,
    [identifier.trim().toLowerCase()],
  );
  const id = rows[0]?.id ?? '';
  return { ok: id !== '', digest: createHmac('sha256', key).update(`otp:v1:${id}:${code}`).digest('hex') };
}

const server = createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (c: string) => (body += c));
  req.on('end', () => {
    verify(body).then(
      ({ ok, digest }) => {
        res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok, digest: digest.slice(0, 8) }));
      },
      (e: unknown) => {
        console.error('[login baseline] request failed:', e);
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end('{"error":{"code":"INTERNAL"}}');
      },
    );
  });
});
listenBaseline(server, pool);
