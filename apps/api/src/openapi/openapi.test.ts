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
