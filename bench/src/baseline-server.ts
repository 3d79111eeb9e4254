// The floor the API is measured against: node:http + a pg Pool doing the
// same work as GET /storefront/v1/customer/addresses (the same two statements
// the API sends: SAT and CAT in one join, then the page of addresses; the same
// JSON), with no framework, ORM or validation.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import pg from 'pg';
import { loadBenchEnv } from './env.js';
import { listenBaseline } from './serve.js';

const env = loadBenchEnv();
const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: env.BENCH_POOL_MAX });
const PAGE = 20;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

interface AddressRow {
  id: string;
  first_name: string | null;
  last_name: string | null;
  company: string | null;
  address1: string;
  address2: string | null;
  city: string;
  province: string | null;
  zip: string | null;
  country_code: string;
  phone: string | null;
  is_default: boolean;
}

async function listAddresses(sat: string | undefined, cat: string | undefined) {
  if (!sat || !cat) return null;
  // Prepared by name, as the API's readRows does: the server parses and plans each statement once per connection.
  const auth = await pool.query<{ shop_id: string; customer_id: string | null }>({
    name: 'auth',
    text: `select s."id" as "sat_id", s."shop_id", c."id" as "cat_id", c."customer_id", c."expires_at"
       from "storefront_access_token" s
       left join "customer_access_token" c
         on c."token_hash" = $1 and c."shop_id" = s."shop_id" and c."revoked_at" is null and c."expires_at" > $2
      where s."token_hash" = $3 and s."revoked_at" is null limit 1`,
    values: [sha256(cat), new Date(), sha256(sat)],
  });
  const customer = auth.rows[0];
  if (!customer?.customer_id) return null;
  const { rows } = await pool.query<AddressRow>({
    name: 'addresses',
    text: `select "id", "shop_id" as "shop", "customer_id" as "customer", "first_name", "last_name", "company", "address1", "address2",
       "city", "province", "zip", "country_code", "phone", "is_default", "created_at", "updated_at"
       from "customer_address" where "shop_id" = $1 and "customer_id" = $2 order by "id" asc limit $3`,
    values: [customer.shop_id, customer.customer_id, PAGE + 1],
  });
  const page = rows.slice(0, PAGE);
  return {
    items: page.map((a) => ({
      id: a.id,
      first_name: a.first_name,
      last_name: a.last_name,
      company: a.company,
      address1: a.address1,
      address2: a.address2,
      city: a.city,
      province: a.province,
      zip: a.zip,
      country_code: a.country_code,
      phone: a.phone,
      is_default: a.is_default,
    })),
    next_cursor: rows.length > PAGE ? Buffer.from(page.at(-1)!.id, 'utf8').toString('base64url') : null,
  };
}

const server = createServer((req, res) => {
  const send = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  if (req.method !== 'GET' || req.url?.split('?')[0] !== '/storefront/v1/customer/addresses') return send(404, { error: { code: 'NOT_FOUND' } });
  const bearer = /^Bearer\s+(\S+)$/i.exec(one(req.headers.authorization) ?? '')?.[1];
  listAddresses(one(req.headers['x-shopify-storefront-access-token']), bearer).then(
    (page) => (page ? send(200, page) : send(401, { error: { code: 'UNAUTHENTICATED' } })),
    (e: unknown) => {
      console.error('[baseline] request failed:', e);
      send(500, { error: { code: 'INTERNAL' } });
    },
  );
});
listenBaseline(server, pool);
