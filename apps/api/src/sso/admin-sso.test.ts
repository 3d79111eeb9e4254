import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { CompanySso, CompanySsoDomain } from '@cartly/db';
import { createTwoShops, rest, startTestApi, trpcClient, type TestApi, type TestShop } from '../../test/harness.js';
import { createCompany } from '../../test/companies.js';
import { allowPortal, ssoBody, ssoLogin, startSsoIdp, type SsoIdp } from '../../test/sso.js';
import { secretBox } from '../lib/secret-box.js';
import { sealedFor } from './sealed.js';
import { startReplica } from '../../test/passwordless.js';

/*
 * The merchant's side of SSO: configuring a company's IdP, its email domains,
 * and the client secret — sealed with the key ring, never shown, never
 * logged, still opening after `sso:rotate-key`.
 */

const run = promisify(execFile);
const cli = fileURLToPath(new URL('../cli/main.ts', import.meta.url));
const key = (kid: string) => ({ kid, key: randomBytes(32).toString('base64') });
const OLD = key('k-2026-01');
const NEW = key('k-2026-12');
const ANOTHER_COMPANY_ID = '018f0000-0000-7000-8000-000000000000';

let t: TestApi;
let shop: TestShop;
let other: TestShop;
let idp: SsoIdp;
/** Everything the process logged while this file ran. */
const logged: string[] = [];
/** Every response body and header this file received. */
const seen: string[] = [];

beforeAll(async () => {
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[level].bind(console);
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack} ${String(a.cause)}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
      original(...args);
    });
  }
  t = await startTestApi({ DATA_ENCRYPTION_KEYS: JSON.stringify([OLD]) });
  ({ shop, other } = await createTwoShops(t));
  await allowPortal(t, shop);
  idp = await startSsoIdp(t, 'initech', { pat: { email: 'pat@initech.test' } });
});
afterAll(async () => {
  vi.restoreAllMocks();
  await idp?.close();
  await t?.close();
});

const em = () => t.db.orm.em.fork();
async function put(s: TestShop, companyId: string, body: Record<string, unknown>) {
  const res = await rest(t, 'PUT', `/admin/companies/${companyId}/sso`, { bearer: s.adminToken, body });
  seen.push(JSON.stringify(res.body), JSON.stringify([...res.headers]));
  return res;
}
async function get(s: TestShop, companyId: string) {
  const res = await rest(t, 'GET', `/admin/companies/${companyId}/sso`, { bearer: s.adminToken });
  seen.push(JSON.stringify(res.body), JSON.stringify([...res.headers]));
  return res;
}

describe('PUT and GET /admin/companies/{id}/sso', () => {
  test('both faces: the configuration comes back without the secret, with its key id; domains IDN-normalised lower-case', async () => {
    const co = await createCompany(t, shop);
    const res = await put(shop, co.id, ssoBody(idp, ['Initech.TEST', 'Bücher.Example'], { enforce: true }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      company_id: co.id, provider: 'custom', issuer: idp.issuer, client_id: idp.clientId,
      client_secret_set: true, client_secret_key_id: OLD.kid,
      email_domains: ['initech.test', 'xn--bcher-kva.example'], default_role: 'buyer', enabled: true, enforce: true,
    });
    expect(res.body.redirect_uri).toBe(new URL('/storefront/v1/customer/sso/callback', t.env.PUBLIC_BASE_URL).toString());
    expect(res.body).not.toHaveProperty('client_secret');

    const client = trpcClient(t, { bearer: shop.adminToken });
    const viaTrpc = await client.sso.adminGet.query({ id: co.id });
    expect(viaTrpc).toEqual((await get(shop, co.id)).body);
    seen.push(JSON.stringify(viaTrpc));

    // Omitting the secret keeps it; the domain list is replaced.
    const { client_secret: _, ...withoutSecret } = ssoBody(idp, ['initech.test']);
    const updated = await client.sso.adminPut.mutate({ id: co.id, ...withoutSecret } as never);
    seen.push(JSON.stringify(updated));
    expect(updated.email_domains).toEqual(['initech.test']);
    const row = await em().findOneOrFail(CompanySso, { company: co.id });
    expect(secretBox([{ kid: OLD.kid, key: Buffer.from(OLD.key, 'base64') }]).open(row.clientSecretSealed, sealedFor.clientSecret(shop.shopId, co.id))).toBe(idp.clientSecret);
  });

  test('the secret is stored as AES-GCM ciphertext bound to the company: not the plaintext, and it does not open for another company', async () => {
    const co = await createCompany(t, shop);
    await put(shop, co.id, ssoBody(idp, ['sealed.test']));
    const [raw] = await em().getConnection().execute<{ client_secret_sealed: string }[]>('select client_secret_sealed from company_sso where company_id = ?', [co.id]);
    expect(raw!.client_secret_sealed).toMatch(new RegExp(`^v1\\.${OLD.kid}\\.[\\w-]+$`));
    expect(raw!.client_secret_sealed).not.toContain(idp.clientSecret);
    expect(Buffer.from(raw!.client_secret_sealed.split('.')[2]!, 'base64url').toString('latin1')).not.toContain(idp.clientSecret);
    const box = secretBox([{ kid: OLD.kid, key: Buffer.from(OLD.key, 'base64') }]);
    expect(() => box.open(raw!.client_secret_sealed, sealedFor.clientSecret(shop.shopId, ANOTHER_COMPANY_ID))).toThrow(/does not open/);
    // Two seals of one secret differ (a fresh nonce each time).
    await put(shop, co.id, ssoBody(idp, ['sealed.test']));
    const [again] = await em().getConnection().execute<{ client_secret_sealed: string }[]>('select client_secret_sealed from company_sso where company_id = ?', [co.id]);
    expect(again!.client_secret_sealed).not.toBe(raw!.client_secret_sealed);
  });

  test('consumer mail domains are refused with 422, a domain another company claims with 409, both naming email_domains', async () => {
    const a = await createCompany(t, shop);
    const b = await createCompany(t, shop);
    for (const consumer of ['gmail.com', 'Outlook.com', 'hotmail.com', 'yahoo.com', 'icloud.com']) {
      const res = await put(shop, a.id, ssoBody(idp, ['a-corp.test', consumer]));
      expect(res.status, consumer).toBe(422);
      expect(res.body.error.message).toMatch(/^email_domains\.1: /);
    }
    expect((await put(shop, a.id, ssoBody(idp, ['claimed.test']))).status).toBe(200);
    const taken = await put(shop, b.id, ssoBody(idp, ['other-b.test', 'CLAIMED.test']));
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toMatch(/^email_domains: claimed\.test/);
    // Nothing half-written: b has no configuration.
    expect((await get(shop, b.id)).status).toBe(404);
    // Another shop is another namespace.
    const elsewhere = await createCompany(t, other);
    expect((await put(other, elsewhere.id, ssoBody(idp, ['claimed.test']))).status).toBe(200);
  });

  test('deleting a company deletes its SSO configuration and frees its domains', async () => {
    const gone = await createCompany(t, shop);
    await put(shop, gone.id, ssoBody(idp, ['freed.test']));
    expect((await rest(t, 'DELETE', `/admin/companies/${gone.id}`, { bearer: shop.adminToken })).status).toBe(200);
    expect(await em().count(CompanySso, { company: gone.id })).toBe(0);
    const next = await createCompany(t, shop);
    expect((await put(shop, next.id, ssoBody(idp, ['freed.test']))).status).toBe(200);
  });

  test('two companies claiming one domain at once: one wins, the other gets 409', async () => {
    const companies = await Promise.all([1, 2, 3, 4].map(() => createCompany(t, shop)));
    const results = await Promise.all(companies.map((c) => put(shop, c.id, ssoBody(idp, ['race.test']))));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    expect(await em().count(CompanySsoDomain, { shop: shop.shopId, domain: 'race.test' })).toBe(1);
  });

  test('bad input is 400 naming the field; another shop\'s company is 404; scopes are enforced', async () => {
    const co = await createCompany(t, shop);
    const cases: [Record<string, unknown>, RegExp][] = [
      [ssoBody(idp, ['not a domain']), /^email_domains\.0: /],
      [ssoBody(idp, ['a.test', 'A.TEST']), /^email_domains\.1: .*twice/],
      [ssoBody(idp, ['user@a.test']), /^email_domains\.0: /],
      [ssoBody(idp, ['127.0.0.1']), /^email_domains\.0: /],
      [ssoBody(idp, []), /email_domains/],
      [ssoBody(idp, ['a.test'], { provider: 'saml' }), /provider/],
      [ssoBody(idp, ['a.test'], { issuer: 'http://idp.example.com' }), /issuer/],
      [ssoBody(idp, ['a.test'], { issuer: 'https://idp.example.com/?x=1' }), /issuer/],
      [ssoBody(idp, ['a.test'], { default_role: 'owner' }), /default_role/],
      [ssoBody(idp, ['a.test'], { enforce: 'true' }), /enforce/],
      [ssoBody(idp, ['a.test'], { client_secret: '' }), /client_secret/],
      [{ ...ssoBody(idp, ['a.test']), client_secret: undefined }, /^client_secret: required/],
      [{ ...ssoBody(idp, ['a.test']), surprise: 1 }, /surprise/],
    ];
    for (const [body, message] of cases) {
      const res = await put(shop, co.id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.message).toMatch(message);
    }
    expect((await get(shop, co.id)).status).toBe(404);
    expect((await put(other, co.id, ssoBody(idp, ['a.test']))).status).toBe(404);
    expect((await get(other, co.id)).status).toBe(404);
    expect((await rest(t, 'GET', `/admin/companies/${co.id}/sso`, { bearer: shop.sat })).status).toBe(401);
  });
});

describe('the secret over a whole login, and key rotation', () => {
  test('a login works with the sealed secret; sso:rotate-key re-seals under the newest key, and the old key is no longer needed', async () => {
    const co = await createCompany(t, shop);
    await put(shop, co.id, ssoBody(idp, ['initech-login.test']));
    const { fragment } = await ssoLogin(t, shop, co.id, idp, 'pat');
    expect(fragment.get('access_token')).toBeTruthy();

    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--conditions=source', cli, 'sso:rotate-key'], {
      env: { ...process.env, DATABASE_URL: t.db.url, NODE_ENV: 'test', DATA_ENCRYPTION_KEYS: JSON.stringify([NEW, OLD]) },
    });
    logged.push(stdout);
    const counts = JSON.parse(stdout);
    const rows = await em().find(CompanySso, {});
    expect(counts).toEqual({
      key_id: NEW.kid,
      client_secrets: { checked: rows.length, resealed: rows.length },
      pending_logins: { checked: expect.any(Number), resealed: expect.any(Number) },
    });
    const onlyNew = secretBox([{ kid: NEW.kid, key: Buffer.from(NEW.key, 'base64') }]);
    for (const row of rows) {
      expect(row.clientSecretSealed.startsWith(`v1.${NEW.kid}.`)).toBe(true);
      expect(onlyNew.open(row.clientSecretSealed, sealedFor.clientSecret(row.shop, row.company))).toMatch(/-secret-/);
    }
    // Run again: nothing left to re-seal.
    const second = JSON.parse((await run(process.execPath, ['--import', 'tsx', '--conditions=source', cli, 'sso:rotate-key'], {
      env: { ...process.env, DATABASE_URL: t.db.url, NODE_ENV: 'test', DATA_ENCRYPTION_KEYS: JSON.stringify([NEW, OLD]) },
    })).stdout);
    expect(second.client_secrets).toEqual({ checked: rows.length, resealed: 0 });
    // An API that has only the new key shows the new key id and logs in with the re-sealed secret.
    const onlyNewKeyApi = await startReplica(t, { DATA_ENCRYPTION_KEYS: JSON.stringify([NEW]) });
    try {
      const fresh = { ...t, url: onlyNewKeyApi.url };
      const view = await rest(fresh, 'GET', `/admin/companies/${co.id}/sso`, { bearer: shop.adminToken });
      seen.push(JSON.stringify(view.body));
      expect(view.body.client_secret_key_id).toBe(NEW.kid);
      const again = await ssoLogin(fresh, shop, co.id, idp, 'pat');
      expect(again.fragment.get('customer_id')).toBe(fragment.get('customer_id'));
    } finally {
      await onlyNewKeyApi.close();
    }
  }, 120_000); // two CLI runs (each a fresh tsx process)

  test('the CLI refuses to rotate without configured keys', async () => {
    const failed = await run(process.execPath, ['--import', 'tsx', '--conditions=source', cli, 'sso:rotate-key'], {
      env: { ...process.env, DATABASE_URL: t.db.url, NODE_ENV: 'test', DATA_ENCRYPTION_KEYS: '' },
    }).catch((e: { stderr: string; code: number }) => e);
    expect((failed as { code: number }).code).toBe(1);
    expect((failed as { stderr: string }).stderr).toMatch(/DATA_ENCRYPTION_KEYS is not set/);
  }, 60_000);

  test('no response and no log line of this file ever carried the client secret', () => {
    expect(seen.length).toBeGreaterThan(20);
    expect(logged.length).toBeGreaterThan(0);
    for (const text of [...seen, ...logged]) expect(text).not.toContain(idp.clientSecret);
  });
});
