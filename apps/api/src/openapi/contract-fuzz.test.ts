import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { createLoggedInCustomer, createShop, installTestApp, rest, startTestApi, type TestApi, type TestShop } from '../../test/harness.js';
import { createOrder, createProduct } from '../../test/catalog.js';

/*
 * The document's promise, checked against the running server: for every operation of the served
 * `/openapi.json`, fast-check sends well-formed requests (built from the operation's own schemas)
 * and hostile ones (control characters, wrong types, unknown and missing fields, a null body,
 * missing or garbage credentials), and every answer must be documented for that operation,
 * never a 500, with a body that matches the documented schema.
 */

type Schema = Record<string, any>;
interface Op { method: string; path: string; op: Schema }
interface Sent { path: string; query: Record<string, string>; body?: unknown; rawBody?: string; creds: 'valid' | 'none' | 'garbage' }

let t: TestApi;
let shop: TestShop;
let doc: Schema;
let ops: Op[];
let ids: string[];
let ajv: InstanceType<typeof Ajv2020>;
const creds: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApi({ PUBLIC_BASE_URL: 'https://api.shop.example' });
  shop = await createShop(t);
  const ann = await createLoggedInCustomer(t, shop, 'ann@example.com');
  const app = await installTestApp(t, shop);
  const product = await createProduct(t, shop);
  const order = await createOrder(t, shop, ann.customerId, [{ variant_id: product.variants[0]!.id, quantity: 1 }]);
  ids = [ann.customerId, product.id, product.variants[0]!.id, order.id, order.lines[0]!.id];
  Object.assign(creds, { StorefrontAccessToken: shop.sat, CustomerAccessToken: ann.cat, AdminToken: shop.adminToken, AppToken: app.appToken });
  doc = (await rest(t, 'GET', '/openapi.json')).body;
  ops = Object.entries(doc.paths as Record<string, Record<string, Schema>>).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );
  ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'doc', components: doc.components });
});
afterAll(() => t?.close());

const resolve = (s: Schema): Schema => (typeof s?.$ref === 'string' ? s.$ref.slice(2).split('/').reduce((n: Schema, k: string) => n[k], doc) : s);
const withDocRefs = (s: unknown): unknown => JSON.parse(JSON.stringify(s).replaceAll('"#/components/', '"doc#/components/'));
// Compiled once per schema: ajv would otherwise compile each fresh copy again.
const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
function validatorOf(schema: Schema) {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) compiled.set(key, (validate = ajv.compile(withDocRefs(schema) as object)));
  return validate;
}

// ---- positive data, from the schema -------------------------------------------------------------

const TEXT = /^[^\p{Cc}\p{Cs}]*$/u;
function arb(raw: Schema, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(raw);
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...s.enum);
  if (s.anyOf ?? s.oneOf) return fc.oneof(...(s.anyOf ?? s.oneOf).map((o: Schema) => arb(o, depth + 1)));
  const type = Array.isArray(s.type) ? fc.constantFrom(...s.type) : null;
  if (type) return type.chain((ty: string) => arb({ ...s, type: ty }, depth + 1));
  switch (s.type) {
    case 'null': return fc.constant(null);
    case 'boolean': return fc.boolean();
    case 'integer':
    case 'number': {
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1000);
      const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 1_000_000);
      return fc.integer({ min: Math.max(min, -1e9), max: Math.min(max, 1e9) });
    }
    case 'string': return stringArb(s);
    case 'array': {
      if (depth > 4) return fc.constant([]);
      return fc.array(arb(s.items ?? {}, depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 3, 3) });
    }
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, Schema>;
      const required = new Set<string>(s.required ?? []);
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) model[k] = k === 'cursor' ? fc.constant(undefined) : arb(v, depth + 1);
      return fc.record(model, { requiredKeys: [...required].filter((k) => k in model) }).map((o) =>
        Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)),
      );
    }
    default: return fc.jsonValue({ maxDepth: 1 });
  }
}

function stringArb(s: Schema): fc.Arbitrary<string> {
  if (s.format === 'uuid') return fc.oneof(fc.constantFrom(...ids), fc.uuid());
  if (s.format === 'date-time') return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  if (s.format === 'email') return fc.oneof(fc.constantFrom('ann@example.com', 'Bob@Example.com'), fc.emailAddress());
  const minLength = s.minLength ?? 0;
  const maxLength = Math.min(s.maxLength ?? 40, 40);
  if (typeof s.pattern === 'string' && !TEXT.source.includes(s.pattern.slice(1, -1))) {
    try {
      return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length >= minLength && v.length <= (s.maxLength ?? Infinity));
    } catch {
      // a pattern fast-check cannot generate from: fall through to free text
    }
  }
  return fc.string({ minLength, maxLength: Math.max(maxLength, minLength), unit: 'grapheme' }).map((v) => v.padEnd(minLength, 'x'));
}

// ---- hostile data -----------------------------------------------------------------------------------

const HOSTILE = fc.constantFrom<unknown>('\u0000', 'a\ud800b', 'line\u0007bell', 'x'.repeat(5000), '', -1, 1.5, 1e308, true, 'true', null, [], [1], {}, { $ne: 1 });

function hostile(base: Record<string, unknown> | undefined, schema: Schema | undefined): fc.Arbitrary<{ body?: unknown; rawBody?: string }> {
  const keys = Object.keys(resolve(schema ?? {}).properties ?? {});
  const options: fc.Arbitrary<{ body?: unknown; rawBody?: string }>[] = [
    fc.constantFrom({ rawBody: 'null' }, { rawBody: '[]' }, { rawBody: '"str"' }, { rawBody: '{"a":' }, { body: { unknown_field: 1 } }),
  ];
  if (keys.length) {
    options.push(fc.tuple(fc.constantFrom(...keys), HOSTILE).map(([k, v]) => ({ body: { ...(base ?? {}), [k]: v } })));
    options.push(fc.constantFrom(...keys).map((k) => ({ body: Object.fromEntries(Object.entries(base ?? {}).filter(([key]) => key !== k)) })));
  }
  return fc.oneof(...options);
}

function requestArb({ path, op }: Op): fc.Arbitrary<Sent> {
  const params = (op.parameters ?? []) as Schema[];
  const pathArb: fc.Arbitrary<Record<string, unknown>> = fc.record(
    Object.fromEntries(params.filter((p) => p.in === 'path').map((p) => [p.name as string, arb(p.schema).map((v) => (v === '' ? 'x' : v))])),
  );
  const queryParams = params.filter((p) => p.in === 'query');
  const queryModel: Record<string, fc.Arbitrary<unknown>> = Object.fromEntries(
    queryParams.map((p) => [p.name as string, p.name === 'cursor' ? fc.constant(undefined) : arb(p.schema)]),
  );
  const queryArb: fc.Arbitrary<Record<string, unknown>> = fc.record(queryModel, {
    requiredKeys: queryParams.filter((p) => p.required).map((p) => p.name as string),
  });
  const hostileQuery = queryParams.length
    ? fc.tuple(fc.constantFrom(...queryParams.map((p) => p.name)), fc.constantFrom('abc', '\u0000', '-1', '1e9', 'x'.repeat(300), '%00'))
    : fc.constant(null);
  const bodySchema = op.requestBody?.content?.['application/json']?.schema as Schema | undefined;
  const bodyArb = bodySchema ? arb(bodySchema) : fc.constant(undefined);
  return fc
    .record({
      pathValues: pathArb,
      query: queryArb,
      body: bodyArb,
      mode: fc.constantFrom('positive', 'positive', 'hostile-body', 'hostile-query', 'no-creds', 'garbage-creds'),
      hostileQuery,
      hostileBody: bodyArb.chain((b) => hostile(b as Record<string, unknown>, bodySchema)),
    })
    .map(({ pathValues, query, body, mode, hostileQuery: hq, hostileBody }) => {
      const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(pathValues[name])));
      const q: Record<string, string> = Object.fromEntries(
        Object.entries(query).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]),
      );
      if (mode === 'hostile-query' && hq) q[hq[0]] = hq[1];
      const sent: Sent = { path: filled, query: q, creds: mode === 'no-creds' ? 'none' : mode === 'garbage-creds' ? 'garbage' : 'valid' };
      if (mode === 'hostile-body' && bodySchema) Object.assign(sent, hostileBody);
      else if (bodySchema) sent.body = body;
      return sent;
    });
}

// ---- the check -------------------------------------------------------------------------------------

async function send({ method, path, op }: Op, sent: Sent) {
  const security = (op.security ?? []) as Record<string, string[]>[];
  const schemes = Object.keys(security[0] ?? {});
  const headers: Record<string, string> = {};
  let customerToken = creds.CustomerAccessToken;
  // Logout revokes the token it is called with: give it one of its own.
  if (path.endsWith('/logout') && sent.creds === 'valid') customerToken = (await createLoggedInCustomer(t, shop, `leaver-${Math.random()}@example.com`)).cat;
  for (const scheme of schemes) {
    const value = sent.creds === 'valid' ? (scheme === 'CustomerAccessToken' ? customerToken : creds[scheme]) : 'garbage-token';
    if (sent.creds === 'none') continue;
    if (scheme === 'StorefrontAccessToken') headers['X-Shopify-Storefront-Access-Token'] = value!;
    else headers.Authorization = `Bearer ${value}`;
  }
  const qs = new URLSearchParams(sent.query).toString();
  return rest(t, method, `${sent.path}${qs ? `?${qs}` : ''}`, { headers, body: sent.body, rawBody: sent.rawBody });
}

// ---- an undocumented field must break the schema ------------------------------------------------------

const UNDOCUMENTED = 'undocumented_field';
let strayFieldChecks = 0;

/** Paths (key lists) of the objects in `value` whose schema lists properties: where a stray field could hide. */
function objectPaths(raw: Schema | undefined, value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  const s = raw ? resolve(raw) : undefined;
  if (!s || value === null || typeof value !== 'object' || out.length >= 6) return out;
  const branch = (s.anyOf ?? s.oneOf ?? []).map(resolve).find((b: Schema) => (Array.isArray(value) ? b.items : b.properties));
  if (branch) return objectPaths(branch, value, at, out);
  if (Array.isArray(value)) return value.length && s.items ? objectPaths(s.items, value[0], [...at, 0], out) : out;
  if (!s.properties) return out; // a map (additionalProperties: <schema>) may hold any key
  out.push(at);
  for (const [key, child] of Object.entries(s.properties as Record<string, Schema>)) {
    if (key in (value as object)) objectPaths(child, (value as Record<string, unknown>)[key], [...at, key], out);
  }
  return out;
}

/** The same answer with one field the document does not name, at `path`. */
function withUndocumentedField(body: unknown, path: (string | number)[]): unknown {
  const copy = structuredClone(body);
  const target = path.reduce<any>((node, key) => node[key], copy);
  target[UNDOCUMENTED] = 'surprise';
  return copy;
}

function problems(o: Op, res: { status: number; headers: Headers; body: unknown }): string[] {
  const found: string[] = [];
  const documented = o.op.responses?.[String(res.status)];
  if (res.status >= 500) found.push(`server error ${res.status}: ${JSON.stringify(res.body)}`);
  if (!documented) return [...found, `undocumented status ${res.status}: ${JSON.stringify(res.body)}`];
  if (res.status === 429 && !res.headers.get('retry-after')) found.push('429 without Retry-After');
  const schema = documented.content?.['application/json']?.schema as Schema | undefined;
  if (!schema) return found;
  const validate = validatorOf(schema);
  if (!validate(res.body)) {
    found.push(`${res.status} body breaks its schema: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(res.body).slice(0, 300)}`);
  } else {
    // A client generated from the document must be able to trust that it names every field sent.
    for (const path of objectPaths(schema, res.body)) {
      strayFieldChecks++;
      if (validate(withUndocumentedField(res.body, path))) found.push(`${res.status} schema lets an undocumented field through at /${path.join('/')}`);
    }
  }
  return found;
}

describe('every operation of /openapi.json keeps its promises under positive and hostile input', () => {
  test('the document names the server it came from', () => {
    expect(doc.servers).toEqual([{ url: 'https://api.shop.example' }]);
    expect(ops.length).toBeGreaterThan(30);
  });

  test('an answer carrying a field its schema does not name fails the check', () => {
    const o = ops.find((x) => x.method === 'GET' && x.path === '/storefront/v1/customer/profile')!;
    const schema = o.op.responses['200'].content['application/json'].schema as Schema;
    const body = fc.sample(arb(schema), { numRuns: 1, seed: 9 })[0];
    const answer = (b: unknown) => ({ status: 200, headers: new Headers(), body: b });
    expect(problems(o, answer(body))).toEqual([]);
    expect(problems(o, answer({ ...(body as object), [UNDOCUMENTED]: 1 })).join()).toMatch(/breaks its schema: .*must NOT have additional properties/);
    // The check itself would notice a schema that let a stray field through.
    const loose = { ...o, op: { responses: { 200: { content: { 'application/json': { schema: { ...resolve(schema), additionalProperties: true } } } } } } };
    expect(problems(loose, answer(body)).join()).toContain('undocumented field through at /');
  });

  test('every request example is valid under its own schema', () => {
    for (const { method, path, op } of ops) {
      const media = op.requestBody?.content?.['application/json'];
      if (media) {
        const validate = validatorOf(media.schema);
        expect(validate(media.example), `${method} ${path}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      }
      for (const p of op.parameters ?? []) {
        if (p.example !== undefined) expect(validatorOf(p.schema)(p.example), `${method} ${path} ${p.name}`).toBe(true);
      }
    }
  });

  test('no server error, no undocumented status, no response outside its schema', { timeout: 600_000 }, async () => {
    const failures: string[] = [];
    for (const o of ops) {
      await fc.assert(
        fc.asyncProperty(requestArb(o), async (sent) => {
          const res = await send(o, sent);
          const found = problems(o, res);
          if (found.length) failures.push(`${o.method} ${o.path} ${JSON.stringify(sent).slice(0, 300)}\n  ${found.join('\n  ')}`);
          return found.length === 0;
        }),
        { numRuns: Number(process.env.CONTRACT_FUZZ_RUNS ?? 12), endOnFailure: true },
      ).catch(() => undefined); // collected above, reported together below
    }
    expect(failures).toEqual([]);
    expect(strayFieldChecks).toBeGreaterThan(ops.length); // the stray-field check ran on real answers, nested objects too
  });
});
