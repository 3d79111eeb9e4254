import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TRPCClientError } from '@trpc/client';
import { Customer, CustomerAddress, Product } from '@cartly/db';
import {
  createLoggedInCustomer, createShop, rest, startTestApi, trpcClient, type TestApi, type TestShop,
} from '../../test/harness.js';

let t: TestApi;
let shop: TestShop;
let ann: { customerId: string; cat: string };

beforeAll(async () => {
  t = await startTestApi({ MAX_BODY_BYTES: 8192 });
  shop = await createShop(t);
  ann = await createLoggedInCustomer(t, shop, 'ann@example.com');
});
afterAll(() => t.close());

const customer = () => ({ sat: shop.sat, bearer: ann.cat });
const admin = () => ({ bearer: shop.adminToken });
const home = { address1: '1 Main St', city: 'Springfield', country_code: 'US' as const };

/** A raw HTTP exchange, for what fetch will not send (no Content-Type, a 20 KB URL). */
function raw(method: string, path: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: any }>((resolve, reject) => {
    const req = request(`${t.url}${path}`, { method, headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text ? JSON.parse(text) : undefined }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const field = (body: any) => body.error.details?.issues?.[0]?.field;

describe('control characters and lone surrogates are refused with 400 naming the field', () => {
  const bad = ['a\u0000b', 'bell\u0007', 'lone \ud800 surrogate'];
  test.each(bad)('%j in profile, address, product, customer and app session fields', async (value) => {
    const cases: [string, string, Record<string, unknown>, object, string][] = [
      ['PUT', '/storefront/v1/customer/profile', { first_name: value }, customer(), 'first_name'],
      ['POST', '/storefront/v1/customer/addresses', { ...home, city: value }, customer(), 'city'],
      ['POST', '/admin/products', { title: value, variants: [{ title: 'One', price_cents: 100 }] }, admin(), 'title'],
      ['POST', '/admin/customers', { email: 'c@example.com', last_name: value }, admin(), 'last_name'],
      ['POST', '/storefront/v1/customer/app-session', { app_client_id: value }, customer(), 'app_client_id'],
    ];
    for (const [method, path, body, creds, name] of cases) {
      // JSON.stringify writes a lone surrogate as the \ud800 escape, exactly what a client would send.
      const res = await rest(t, method, path, { ...creds, body });
      expect(res.status, `${path} ${JSON.stringify(res.body)}`).toBe(400);
      expect(field(res.body), path).toBe(name);
      expect(res.body.error.message).toContain('control characters');
    }
    const em = t.db.orm.em.fork();
    expect(await em.count(CustomerAddress, { customer: ann.customerId })).toBe(0);
    expect(await em.count(Product, { shop: shop.shopId })).toBe(0);
    expect(await em.count(Customer, { shop: shop.shopId, email: 'c@example.com' })).toBe(0);
  });

  test('the typed client gets the same refusal', async () => {
    const err = await trpcClient(t, customer()).account.profile.update.mutate({ first_name: 'x\u0000' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCClientError);
    expect((err as TRPCClientError<any>).data.httpStatus).toBe(400);
    expect((err as TRPCClientError<any>).shape.error.details.issues[0].field).toBe('first_name');
  });

  test('a multi-line note keeps its new lines', async () => {
    const res = await rest(t, 'POST', '/admin/products', { ...admin(), body: { title: 'Mug', description: 'Two\nlines', variants: [{ title: 'One', price_cents: 100 }] } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });
});

describe('booleans and numbers are what they say, on both faces', () => {
  test.each([['"false"', 'false'], ['"yes"', 'yes'], ['[1]', [1]], ['0', 0], ['1', 1], ['null', null]])(
    'is_default: %s is 400 over REST',
    async (_label, value) => {
      const res = await rest(t, 'POST', '/storefront/v1/customer/addresses', { ...customer(), body: { ...home, is_default: value } });
      expect(res.status).toBe(400);
      expect(field(res.body)).toBe('is_default');
      expect(res.body.error.message).toContain('true or false');
    },
  );

  test('a number sent as a string is refused; and a REST call does not loosen the typed client', async () => {
    const res = await rest(t, 'POST', '/admin/products', { ...admin(), body: { title: 'Mug', variants: [{ title: 'One', price_cents: '100' }] } });
    expect(res.status).toBe(400);
    expect(field(res.body)).toBe('variants.0.price_cents');
    // Before the fix, the REST adapter switched coercion on for the shared schema: tRPC then stored "false" as true.
    const err = await trpcClient(t, customer())
      .account.addresses.create.mutate({ ...home, is_default: 'false' as unknown as boolean })
      .catch((e: unknown) => e);
    expect((err as TRPCClientError<any>).data?.httpStatus).toBe(400);
    expect(await t.db.orm.em.fork().count(CustomerAddress, { customer: ann.customerId })).toBe(0);
  });
});

describe('bodies and query strings', () => {
  test('a null body (or an array, or a number) where an object is required is 400', async () => {
    for (const rawBody of ['null', '[]', '42']) {
      const res = await rest(t, 'PUT', '/storefront/v1/customer/profile', { ...customer(), rawBody });
      expect(res.status, rawBody).toBe(400);
      expect(field(res.body)).toBe('body');
    }
    const trpc = await rest(t, 'POST', '/trpc/account.profile.update', { ...customer(), rawBody: 'null' });
    expect(trpc.status).toBe(400);
  });

  test('limit=abc and a repeated parameter get messages a person understands', async () => {
    const abc = await rest(t, 'GET', '/storefront/v1/customer/addresses?limit=abc', customer());
    expect(abc.status).toBe(400);
    expect(abc.body.error.message).toBe('limit: must be a whole number from 1 to 100');
    const twice = await rest(t, 'GET', '/storefront/v1/customer/addresses?limit=5&limit=6', customer());
    expect(twice.status).toBe(400);
    expect(twice.body.error.message).toBe('limit: is given more than once; send each query parameter once');
  });

  test('country codes are real ISO 3166-1 codes', async () => {
    for (const code of ['XX', 'UK', 'us']) {
      const res = await rest(t, 'POST', '/storefront/v1/customer/addresses', { ...customer(), body: { ...home, country_code: code } });
      expect(res.status, code).toBe(400);
      expect(field(res.body)).toBe('country_code');
    }
  });

  test('admin and login share one email rule: a full-width @ is refused by both', async () => {
    const adminRes = await rest(t, 'POST', '/admin/customers', { ...admin(), body: { email: 'eve＠example.com' } });
    expect(adminRes.status).toBe(400);
    expect(field(adminRes.body)).toBe('email');
    const login = await rest(t, 'POST', '/storefront/v1/customer/otp/request', { sat: shop.sat, body: { identifier: 'eve＠example.com', channel: 'email' } });
    expect(login.status).toBe(400);
    expect(adminRes.body.error.message).toBe(login.body.error.message.replace('identifier', 'email'));
  });
});

describe('every error is the JSON envelope', () => {
  test('a 20 KB URL is 431 with the envelope', async () => {
    const res = await raw('GET', `/storefront/v1/customer/addresses?cursor=${'a'.repeat(20_000)}`, {});
    expect(res.status).toBe(431);
    expect(res.body).toEqual({ error: { code: 'HEADERS_TOO_LARGE', message: expect.stringContaining('too large') } });
  });

  test('huge headers are 431 with the envelope', async () => {
    const res = await raw('GET', '/healthz', { 'x-junk': 'j'.repeat(20_000) });
    expect(res.status).toBe(431);
    expect(res.body.error.code).toBe('HEADERS_TOO_LARGE');
  });

  test('a POST whose body is optional needs no Content-Type (logout, approve-style routes)', async () => {
    const other = await createLoggedInCustomer(t, shop, 'leaving@example.com');
    const res = await raw('POST', '/storefront/v1/customer/logout', {
      'X-Shopify-Storefront-Access-Token': shop.sat, Authorization: `Bearer ${other.cat}`,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ ok: true });
  });

  test('the 415 message quotes the content type correctly', async () => {
    const res = await raw('POST', '/admin/customers', { Authorization: `Bearer ${shop.adminToken}`, 'content-type': 'text/plain; charset=utf-8' }, 'hello');
    expect(res.status).toBe(415);
    expect(res.body.error).toEqual({ code: 'UNSUPPORTED_MEDIA_TYPE', message: 'content type "text/plain" is not supported; send the body as application/json' });
  });

  test('a 413 on /trpc answers in tRPC\'s own error shape, which the typed client understands', async () => {
    const err = await trpcClient(t, admin())
      .customers.adminCreate.mutate({ email: 'big@example.com', first_name: 'x'.repeat(10_000) })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCClientError);
    const e = err as TRPCClientError<any>;
    expect(e.data).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', httpStatus: 413, path: 'customers.adminCreate' });
    expect(e.shape.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await t.db.orm.em.fork().count(Customer, { email: 'big@example.com' })).toBe(0);
  });
});
