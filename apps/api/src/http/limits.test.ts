import { afterAll, beforeAll, expect, test } from 'vitest';
import { Customer } from '@cartly/db';
import { createShop, rest, startTestApi, type TestApi, type TestShop } from '../../test/harness.js';

let t: TestApi;
let shop: TestShop;

beforeAll(async () => {
  t = await startTestApi({ MAX_BODY_BYTES: 4096 });
  shop = await createShop(t);
});
afterAll(() => t.close());

test('an oversized body gets 413 over REST and writes nothing', async () => {
  const res = await rest(t, 'POST', '/admin/customers', {
    bearer: shop.adminToken,
    body: { email: 'big@example.com', first_name: 'x'.repeat(10_000) },
  });
  expect(res.status).toBe(413);
  expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  expect(await t.db.orm.em.fork().count(Customer, { email: 'big@example.com' })).toBe(0);
});

test('an oversized body gets 413 over tRPC', async () => {
  const res = await rest(t, 'POST', '/trpc/customers.adminCreate', {
    bearer: shop.adminToken,
    body: { email: 'big@example.com', first_name: 'x'.repeat(10_000) },
  });
  expect(res.status).toBe(413);
});

test('malformed JSON is a 400 that says so', async () => {
  const res = await rest(t, 'POST', '/admin/customers', { bearer: shop.adminToken, rawBody: '{"email": ' });
  expect(res.status).toBe(400);
  expect(res.body.error).toEqual({ code: 'VALIDATION_FAILED', message: 'request body is not valid JSON' });
});

test('a body that is not JSON is 415', async () => {
  const res = await rest(t, 'POST', '/admin/customers', {
    bearer: shop.adminToken,
    rawBody: 'email=a@example.com',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect(res.status).toBe(415);
  expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
});

test('an unknown path is a JSON 404', async () => {
  const res = await rest(t, 'GET', '/storefront/v1/nope');
  expect(res.status).toBe(404);
  expect(res.body.error.code).toBe('NOT_FOUND');
});

test('error bodies carry no stack traces outside development', async () => {
  const res = await rest(t, 'GET', '/trpc/account.profile.get');
  expect(res.status).toBe(401);
  expect(JSON.stringify(res.body)).not.toContain('stack');
  expect(JSON.stringify(res.body)).not.toContain('.ts:');
});

test('a query called with POST over tRPC is 405 with a matching error code', async () => {
  const res = await rest(t, 'POST', '/trpc/account.profile.get', { body: {} });
  expect(res.status).toBe(405);
  // tRPC's envelope carries the SPEC error body in `error.error`.
  expect(res.body.error.error).toMatchObject({ code: 'METHOD_NOT_ALLOWED' });
});
