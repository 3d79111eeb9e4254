import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { COMMITTED_BASE_URL, committedDocumentPath, openApiDocument, renderDocument } from './document.js';

const doc = openApiDocument(COMMITTED_BASE_URL);

test('the committed apps/api/openapi.json is up to date (run `npm run openapi`)', () => {
  expect(readFileSync(committedDocumentPath, 'utf8')).toBe(renderDocument(doc));
});

const expected: [string, string, string][] = [
  ['get', '/storefront/v1/customer/profile', 'StorefrontAccessToken'],
  ['put', '/storefront/v1/customer/profile', 'StorefrontAccessToken'],
  ['get', '/storefront/v1/customer/addresses', 'StorefrontAccessToken'],
  ['post', '/storefront/v1/customer/addresses', 'StorefrontAccessToken'],
  ['put', '/storefront/v1/customer/addresses/{id}', 'StorefrontAccessToken'],
  ['delete', '/storefront/v1/customer/addresses/{id}', 'StorefrontAccessToken'],
  ['get', '/storefront/v1/customer/wishlist', 'StorefrontAccessToken'],
  ['post', '/storefront/v1/customer/wishlist', 'StorefrontAccessToken'],
  ['delete', '/storefront/v1/customer/wishlist/{id}', 'StorefrontAccessToken'],
  ['get', '/storefront/v1/customer/orders', 'StorefrontAccessToken'],
  ['get', '/storefront/v1/customer/orders/{id}', 'StorefrontAccessToken'],
  ['post', '/storefront/v1/customer/logout', 'StorefrontAccessToken'],
  ['get', '/admin/customers', 'AdminToken'],
  ['post', '/admin/customers', 'AdminToken'],
  ['get', '/admin/customers/{id}', 'AdminToken'],
  ['get', '/admin/products', 'AdminToken'],
  ['post', '/admin/products', 'AdminToken'],
  ['get', '/admin/orders', 'AdminToken'],
  ['post', '/admin/orders', 'AdminToken'],
  ['get', '/admin/orders/{id}', 'AdminToken'],
  ['post', '/admin/orders/{id}/fulfillments', 'AdminToken'],
];

test.each(expected)('%s %s is documented with its security, schemas and description', (method, path, scheme) => {
  const op = (doc.paths?.[path] as Record<string, any>)?.[method];
  expect(op, `${method} ${path}`).toBeDefined();
  expect(op.summary).toBeTruthy();
  expect(Object.keys(op.security[0])).toContain(scheme);
  if (path.startsWith('/storefront/v1/customer')) expect(Object.keys(op.security[0])).toContain('CustomerAccessToken');
  expect(op.responses['200'].content['application/json'].schema).toBeDefined();
  expect(op.responses['401'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
  if (method === 'post' || method === 'put') expect(op.requestBody.content['application/json'].schema).toBeDefined();
});

test('admin routes name the scope they need', () => {
  const op = (doc.paths?.['/admin/customers'] as Record<string, any>).post;
  expect(op.security).toEqual([{ AdminToken: ['write_customers'] }]);
});

test('every operation documents every status it can answer, with the real envelope', () => {
  for (const [path, methods] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(methods as Record<string, any>)) {
      const statuses = Object.keys(op.responses);
      expect(statuses.some((x) => /^[23]\d\d$/.test(x)), `${method} ${path}`).toBe(true);
      for (const always of ['431', '500']) expect(statuses, `${method} ${path}`).toContain(always);
      const procedure = typeof op.operationId === 'string'; // raw (non-JSON) routes document themselves
      if (procedure) expect(statuses, `${method} ${path}`).toContain('400');
      if (op.requestBody) expect(statuses, `${method} ${path}`).toEqual(expect.arrayContaining(['413', '415']));
      for (const s of statuses.filter((x) => Number(x) >= 400 && (procedure || ['431', '500'].includes(x)))) {
        expect(op.responses[s].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
        expect(op.responses[s].content['application/json'].example.error.code).toBeTruthy();
      }
      // Every body, sent or answered, has an example (raw routes' own errors too).
      for (const [where, media] of [['request', op.requestBody?.content], ...Object.entries(op.responses).map(([s, r]: [string, any]) => [s, r.content])]) {
        for (const [type, m] of Object.entries((media ?? {}) as Record<string, any>)) expect(m.example ?? m.examples, `${method} ${path} ${where} ${type}`).toBeDefined();
      }
      if (!procedure) continue;
      expect(op.description, `${method} ${path}`).toContain('**Credential:**');
      expect(op.responses['200'].content['application/json'].example, `${method} ${path}`).toBeDefined();
    }
  }
  expect(Object.keys(doc.components?.schemas ?? {}).filter((n) => n.startsWith('error.'))).toEqual([]);
});

test('429 answers document Retry-After', () => {
  const op = (doc.paths?.['/storefront/v1/customer/otp/request'] as Record<string, any>).post;
  expect(op.responses['429'].headers['Retry-After'].schema).toEqual({ type: 'integer', minimum: 1 });
});

test('four distinct security schemes, and "SAT optional" where it is', () => {
  const schemes = doc.components?.securitySchemes as Record<string, any>;
  expect(Object.keys(schemes).sort()).toEqual(['AdminToken', 'AppToken', 'CustomerAccessToken', 'StorefrontAccessToken']);
  const formats = Object.values(schemes).map((s) => s.bearerFormat ?? s.name);
  expect(new Set(formats).size).toBe(4);
  const verify = (doc.paths?.['/storefront/v1/customer/magic-link/verify'] as Record<string, any>).get;
  expect(verify.security).toEqual([{ StorefrontAccessToken: [] }, {}]);
});

test('request bodies refuse unknown fields in the document as on the wire', () => {
  const op = (doc.paths?.['/storefront/v1/customer/addresses'] as Record<string, any>).post;
  const schema = op.requestBody.content['application/json'].schema;
  expect(schema.additionalProperties).toBe(false);
  expect(schema.properties.country_code.enum).toContain('GB');
  expect(schema.properties.city.pattern).toBeTruthy();
});

/** Every object schema with listed properties under `node`, with where it is (maps and unions are not such objects). */
function* objectSchemas(node: unknown, where: string): Generator<[string, Record<string, unknown>]> {
  if (!node || typeof node !== 'object') return;
  const n = node as Record<string, unknown>;
  if (n.properties && typeof n.properties === 'object') yield [where, n];
  for (const [k, v] of Object.entries(n)) {
    if (k === 'example' || k === 'examples') continue;
    if (Array.isArray(v)) for (const [i, child] of v.entries()) yield* objectSchemas(child, `${where}/${k}/${i}`);
    else yield* objectSchemas(v, `${where}/${k}`);
  }
}

test('every object of every response and request schema refuses unknown fields (additionalProperties: false)', () => {
  const open: string[] = [];
  for (const [path, methods] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(methods as Record<string, any>)) {
      const schemas: [string, unknown][] = [[`${method} ${path} request`, op.requestBody?.content?.['application/json']?.schema]];
      for (const [status, res] of Object.entries(op.responses as Record<string, any>)) schemas.push([`${method} ${path} ${status}`, res.content?.['application/json']?.schema]);
      for (const [where, schema] of schemas) {
        for (const [at, object] of objectSchemas(schema, where)) if (object.additionalProperties !== false) open.push(at);
      }
    }
  }
  for (const [at, object] of objectSchemas(doc.components?.schemas, 'components')) if (object.additionalProperties !== false) open.push(at);
  expect(open).toEqual([]);
  // The refined bodies trpc-to-openapi rebuilds as plain objects carry it too.
  const reject = (doc.paths?.['/admin/returns/{id}/reject'] as Record<string, any>).post;
  expect(reject.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
});
