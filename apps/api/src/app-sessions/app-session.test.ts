import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, exportJWK, exportPKCS8, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import { APP_SESSION_TOKEN_TYPE } from '@cartly/contracts/app-sessions';
import {
  createLoggedInCustomer, createShop, installTestApp, rest, startTestApi, trpcClient, type TestApi, type TestShop,
} from '../../test/harness.js';
import { sql, startReplica } from '../../test/passwordless.js';
import { MAGIC_LINK_TOKEN_TYPE } from '../passwordless/magic-link.js';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(async () => {
  await t?.close();
});

let n = 0;
const email = () => `ast-${++n}-${Date.now()}@example.com`;

async function setup(shop?: TestShop) {
  shop ??= await createShop(t);
  const customer = await createLoggedInCustomer(t, shop, email());
  const app = await installTestApp(t, shop, `App ${++n}`);
  return { shop, customer, app };
}

const createAst = (shop: TestShop, cat: string, appClientId: string) =>
  rest(t, 'POST', '/storefront/v1/customer/app-session', { sat: shop.sat, bearer: cat, body: { app_client_id: appClientId } });
const verifyAst = (appToken: string, token: string) =>
  rest(t, 'POST', '/apps/api/customer-session/verify', { bearer: appToken, body: { token } });

describe('issuing and verifying', () => {
  test('an AST verifies for its own app and says who is logged in, for at most 5 minutes', async () => {
    const { shop, customer, app } = await setup();
    const before = Date.now();
    const issued = await createAst(shop, customer.cat, app.clientId);
    expect(issued.status).toBe(200);
    const expiresAt = Date.parse(issued.body.expires_at);
    expect(expiresAt - before).toBeLessThanOrEqual(300_000 + 1000);
    expect(expiresAt - before).toBeGreaterThan(290_000);
    expect(decodeProtectedHeader(issued.body.token)).toMatchObject({ alg: 'ES256', typ: APP_SESSION_TOKEN_TYPE });

    const verified = await verifyAst(app.appToken, issued.body.token);
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({ customer_id: customer.customerId, shop_id: shop.shopId, expires_at: issued.body.expires_at });
  });

  test('the typed clients work the same way', async () => {
    const { shop, customer, app } = await setup();
    const ast = await trpcClient(t, { sat: shop.sat, bearer: customer.cat }).appSessions.create.mutate({ app_client_id: app.clientId });
    const session = await trpcClient(t, { bearer: app.appToken }).appSessions.verify.mutate({ token: ast.token });
    expect(session.customer_id).toBe(customer.customerId);
  });

  test('another app of the same shop cannot use it', async () => {
    const { shop, customer, app } = await setup();
    const other = await installTestApp(t, shop, 'Other App');
    const issued = await createAst(shop, customer.cat, app.clientId);
    const res = await verifyAst(other.appToken, issued.body.token);
    expect(res.status).toBe(401);
    expect(res.body.error).toEqual({ code: 'UNAUTHENTICATED', message: 'invalid or expired app session token' });
  });

  test('an app of another shop cannot use it, nor get one for its own client id through this shop', async () => {
    const { shop, customer, app } = await setup();
    const foreign = await setup();
    const issued = await createAst(shop, customer.cat, app.clientId);
    expect((await verifyAst(foreign.app.appToken, issued.body.token)).status).toBe(401);
    // The other shop's app is not installed here: 404, as for any unknown app.
    const res = await createAst(shop, customer.cat, foreign.app.clientId);
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('app_client_id: no such app is installed on this shop');
    expect((await createAst(shop, customer.cat, 'app_doesnotexist')).status).toBe(404);
  });

  test('an uninstalled app gets no AST, and cannot verify one', async () => {
    const { shop, customer, app } = await setup();
    const issued = await createAst(shop, customer.cat, app.clientId);
    await sql(t, 'update app set uninstalled_at = now() where id = ?', [app.appId]);
    expect((await createAst(shop, customer.cat, app.clientId)).status).toBe(404);
    expect((await verifyAst(app.appToken, issued.body.token)).status).toBe(401);
  });

  test('an expired AST does not verify', async () => {
    const { shop, customer, app } = await setup();
    const { token } = await t.api.adapters.keys.sign({
      typ: APP_SESSION_TOKEN_TYPE, audience: app.clientId, subject: customer.customerId, ttlSeconds: 300,
      claims: { shop: shop.shopId, sid: (await sql<{ id: string }>(t, 'select id from customer_access_token where customer_id = ?', [customer.customerId]))[0]!.id },
      now: new Date(Date.now() - 6 * 60_000),
    });
    expect((await verifyAst(app.appToken, token)).status).toBe(401);
  });

  test('an AST never outlives the CAT it was issued from', async () => {
    const { shop, customer, app } = await setup();
    await sql(t, `update customer_access_token set expires_at = now() + interval '60 seconds' where customer_id = ?`, [customer.customerId]);
    const [{ expires_at: catExpiresAt }] = await sql<{ expires_at: Date }>(t, 'select expires_at from customer_access_token where customer_id = ?', [customer.customerId]) as [{ expires_at: Date }];
    const before = Date.now();
    const issued = await createAst(shop, customer.cat, app.clientId);
    expect(issued.status).toBe(200);
    const { exp } = decodeJwt(issued.body.token);
    expect(exp! * 1000).toBeLessThanOrEqual(new Date(catExpiresAt).getTime());
    expect(exp! * 1000 - before).toBeLessThanOrEqual(60_000);
    expect(Date.parse(issued.body.expires_at)).toBe(exp! * 1000);
  });

  test('after logout the AST stops verifying on the server', async () => {
    const { shop, customer, app } = await setup();
    const issued = await createAst(shop, customer.cat, app.clientId);
    expect((await rest(t, 'POST', '/storefront/v1/customer/logout', { sat: shop.sat, bearer: customer.cat, body: {} })).status).toBe(200);
    expect((await verifyAst(app.appToken, issued.body.token)).status).toBe(401);
  });

  test('a magic link, a tampered AST or a CAT is not an AST', async () => {
    const { shop, customer, app } = await setup();
    // Every claim right, the live CAT's real sid included: only the `typ` makes it not an AST.
    const [{ id: sid }] = await sql<{ id: string }>(t, 'select id from customer_access_token where customer_id = ?', [customer.customerId]) as [{ id: string }];
    const claims = { audience: app.clientId, subject: customer.customerId, ttlSeconds: 300, claims: { shop: shop.shopId, sid } };
    const link = await t.api.adapters.keys.sign({ typ: MAGIC_LINK_TOKEN_TYPE, ...claims });
    expect((await verifyAst(app.appToken, link.token)).status).toBe(401);
    // The control: the same claims with the AST's typ verify.
    expect((await verifyAst(app.appToken, (await t.api.adapters.keys.sign({ typ: APP_SESSION_TOKEN_TYPE, ...claims })).token)).status).toBe(200);
    const issued = await createAst(shop, customer.cat, app.clientId);
    const [h, p, s] = issued.body.token.split('.');
    expect((await verifyAst(app.appToken, `${h}.${p}.${s!.slice(0, -4)}AAAA`)).status).toBe(401);
    expect((await verifyAst(app.appToken, customer.cat)).status).toBe(401);
  });

  test('an AST presented as a customer access token gets 401', async () => {
    const { shop, customer, app } = await setup();
    const issued = await createAst(shop, customer.cat, app.clientId);
    const res = await rest(t, 'GET', '/storefront/v1/customer/profile', { sat: shop.sat, bearer: issued.body.token });
    expect(res.status).toBe(401);
    expect((await createAst(shop, issued.body.token, app.clientId)).status).toBe(401);
  });

  test('credentials are required on both ends', async () => {
    const { shop, customer, app } = await setup();
    expect((await rest(t, 'POST', '/storefront/v1/customer/app-session', { sat: shop.sat, body: { app_client_id: app.clientId } })).status).toBe(401);
    const issued = await createAst(shop, customer.cat, app.clientId);
    expect((await rest(t, 'POST', '/apps/api/customer-session/verify', { body: { token: issued.body.token } })).status).toBe(401);
    expect((await verifyAst(shop.adminToken, issued.body.token)).status).toBe(401);
    // A CAT of one shop with the SAT of another.
    const other = await createShop(t);
    expect((await createAst(other, customer.cat, app.clientId)).status).toBe(401);
  });
});

describe('offline verification with the JWKS', () => {
  test('an app verifies the AST with the published keys, and only for itself', async () => {
    const { shop, customer, app } = await setup();
    const issued = await createAst(shop, customer.cat, app.clientId);
    const jwksRes = await rest(t, 'GET', '/.well-known/jwks.json');
    expect(jwksRes.status).toBe(200);
    expect(jwksRes.headers.get('cache-control')).toBe('public, max-age=300');
    for (const key of jwksRes.body.keys) {
      expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
      expect(key).not.toHaveProperty('d');
    }

    const jwks = createRemoteJWKSet(new URL(`${t.url}/.well-known/jwks.json`));
    const { payload, protectedHeader } = await jwtVerify(issued.body.token, jwks, {
      algorithms: ['ES256'], typ: APP_SESSION_TOKEN_TYPE, issuer: t.env.PUBLIC_BASE_URL.replace(/\/$/, ''), audience: app.clientId,
    });
    expect(protectedHeader.kid).toBe(jwksRes.body.keys[0].kid);
    expect(payload).toMatchObject({ sub: customer.customerId, shop: shop.shopId, aud: app.clientId });
    await expect(jwtVerify(issued.body.token, jwks, { algorithms: ['ES256'], audience: 'app_someone_else' })).rejects.toThrow();
  });

  test('keys rotate: tokens of the previous key keep verifying, new tokens use the new key', async () => {
    const oldKey = await generateKeyPair('ES256', { extractable: true });
    const newKey = await generateKeyPair('ES256', { extractable: true });
    const oldJwk = { ...(await exportJWK(oldKey.privateKey)), kid: 'key-2025' };
    // The new key configured as PEM, to cover both accepted forms.
    const newPem = { kid: 'key-2026', pem: await exportPKCS8(newKey.privateKey) };

    // Before the rotation: the old key alone.
    const before = await startReplica(t, { JWT_SIGNING_KEYS: JSON.stringify([oldJwk]) });
    const after = await startReplica(t, { JWT_SIGNING_KEYS: JSON.stringify([newPem, oldJwk]) });
    const retired = await startReplica(t, { JWT_SIGNING_KEYS: JSON.stringify([newPem]) });
    try {
      const { shop, customer, app } = await setup();
      const oldAst = await rest(before, 'POST', '/storefront/v1/customer/app-session', { sat: shop.sat, bearer: customer.cat, body: { app_client_id: app.clientId } });
      expect(decodeProtectedHeader(oldAst.body.token).kid).toBe('key-2025');

      const jwks = await rest(after, 'GET', '/.well-known/jwks.json');
      expect(jwks.body.keys.map((k: { kid: string }) => k.kid)).toEqual(['key-2026', 'key-2025']);
      const newAst = await rest(after, 'POST', '/storefront/v1/customer/app-session', { sat: shop.sat, bearer: customer.cat, body: { app_client_id: app.clientId } });
      expect(decodeProtectedHeader(newAst.body.token).kid).toBe('key-2026');

      const verifyOn = (api: { url: string }, token: string) => rest(api, 'POST', '/apps/api/customer-session/verify', { bearer: app.appToken, body: { token } });
      expect((await verifyOn(after, oldAst.body.token)).status).toBe(200);
      expect((await verifyOn(after, newAst.body.token)).status).toBe(200);
      // Once the old key is dropped, its tokens stop verifying.
      expect((await verifyOn(retired, oldAst.body.token)).status).toBe(401);
      expect((await verifyOn(retired, newAst.body.token)).status).toBe(200);
    } finally {
      await before.close();
      await after.close();
      await retired.close();
    }
  });

  test('a token signed by a key outside the JWKS does not verify, even with a listed kid', async () => {
    const { shop, customer, app } = await setup();
    const { keys } = (await rest(t, 'GET', '/.well-known/jwks.json')).body;
    const rogue = await generateKeyPair('ES256');
    const token = await new SignJWT({ shop: shop.shopId, sid: crypto.randomUUID() })
      .setProtectedHeader({ alg: 'ES256', kid: keys[0].kid, typ: APP_SESSION_TOKEN_TYPE })
      .setIssuer(t.env.PUBLIC_BASE_URL.replace(/\/$/, '')).setAudience(app.clientId).setSubject(customer.customerId)
      .setJti(crypto.randomUUID()).setIssuedAt().setExpirationTime('5m')
      .sign(rogue.privateKey);
    expect((await verifyAst(app.appToken, token)).status).toBe(401);
  });
});
