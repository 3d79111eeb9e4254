// The floor the extensions query is measured against: node:http + a pg Pool
// that checks the same SAT and CAT, then answers the slot's blocks as static
// JSON, rendered once at startup with the API's own code. What the API does
// beyond it (finding the blocks, the Liquid context, rendering or its cache,
// validation) is what the comparison measures.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import pg from 'pg';
import { openOrm } from '@cartly/db';
import { listPortalBlocks } from '../../apps/api/src/extensions/portal-blocks.js';
import { createBlockRenderer } from '../../apps/api/src/extensions/block-renderer.js';
import { liquidjsEngine } from '../../apps/api/src/extensions/liquid/liquidjs-engine.js';
import { loadBenchEnv } from './env.js';
import { listenBaseline } from './serve.js';
import { EXTENSION_POINT } from './seed-extensions.js';

const env = loadBenchEnv();
const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: env.BENCH_POOL_MAX });
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

async function staticBody(): Promise<string> {
  const orm = await openOrm({ databaseUrl: env.DATABASE_URL, poolMax: 2 });
  try {
    const em = orm.em.fork();
    const [who] = await em.execute<{ shop_id: string; customer_id: string }[]>('select "shop_id", "customer_id" from "customer_access_token" limit 1');
    const renderer = createBlockRenderer({ engine: liquidjsEngine(), blockTimeMs: 1000 });
    const items = await listPortalBlocks(em as never, { renderer, budgetMs: 10_000 }, { shopId: who!.shop_id, customerId: who!.customer_id, point: EXTENSION_POINT });
    return JSON.stringify({ items });
  } finally {
    await orm.close(true);
  }
}

async function authorised(sat: string | undefined, cat: string | undefined): Promise<boolean> {
  if (!sat) return false;
  // Prepared by name, as the API's readRows does.
  const shop = await pool.query<{ shop_id: string }>({
    name: 'sat', text: 'select "shop_id" from "storefront_access_token" where "token_hash" = $1 and "revoked_at" is null limit 1', values: [sha256(sat)],
  });
  const shopId = shop.rows[0]?.shop_id;
  if (!shopId) return false;
  if (!cat) return true;
  const token = await pool.query<{ shop_id: string }>({
    name: 'cat',
    text: 'select "shop_id" from "customer_access_token" where "token_hash" = $1 and "revoked_at" is null and "expires_at" > $2 limit 1',
    values: [sha256(cat), new Date()],
  });
  return token.rows[0]?.shop_id === shopId;
}

const body = await staticBody();
const server = createServer((req, res) => {
  const send = (status: number, payload: string) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(payload);
  };
  if (req.method !== 'GET' || req.url?.split('?')[0] !== '/storefront/v1/portal/extensions') return send(404, '{"error":{"code":"NOT_FOUND"}}');
  const bearer = /^Bearer\s+(\S+)$/i.exec(one(req.headers.authorization) ?? '')?.[1];
  authorised(one(req.headers['x-shopify-storefront-access-token']), bearer).then(
    (ok) => (ok ? send(200, body) : send(401, '{"error":{"code":"UNAUTHENTICATED"}}')),
    (e: unknown) => {
      console.error('[baseline] request failed:', e);
      send(500, '{"error":{"code":"INTERNAL"}}');
    },
  );
});
listenBaseline(server, pool);
