import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AdminToken, LoyaltyAccount, LoyaltyLedgerEntry, LoyaltyRedemption } from '@cartly/db';
import { ledgerPaymentProvider } from '@cartly/payments';
import { newToken } from '../auth/tokens.js';
import { createLoggedInCustomer, createTwoShops, rest, startTestApi, trpcClient, type TestApi, type TestShop } from '../../test/harness.js';
import { createOrder, createProduct } from '../../test/catalog.js';
import { adjustPoints, createReward, putEarnRule } from '../../test/portal-core-loyalty.js';

/*
 * Loyalty over HTTP against real PostgreSQL: earning from orders (pending until
 * fulfilled, reversed by refunds), redeeming under concurrency, expiry,
 * birthdays, and the merchant's admin API; both faces, hostile cases.
 */

const LOYALTY = '/subscriptions/cp/api/loyalty-integration';
let t: TestApi;
let shop: TestShop;
let other: TestShop;

beforeAll(async () => {
  t = await startTestApi();
  ({ shop, other } = await createTwoShops(t));
  await putEarnRule(t, shop, 'per_currency_unit', 2, 'Points on every order');
  await putEarnRule(t, shop, 'first_order', 100, 'First order bonus');
  await putEarnRule(t, shop, 'signup', 50, 'Welcome');
  await putEarnRule(t, shop, 'birthday', 30, 'Happy birthday');
});
afterAll(async () => t.close());

const customer = (email: string, s = shop) => createLoggedInCustomer(t, s, `${email.replace('@', `-${Math.random().toString(36).slice(2, 8)}@`)}`);
const account = (customerId: string) => t.db.orm.em.fork().findOneOrFail(LoyaltyAccount, { customer: customerId });

async function paidOrder(s: TestShop, customerId: string) {
  const product = await createProduct(t, s);
  // 3 × $20 + 1 × $25 = $85
  return createOrder(t, s, customerId, [{ variant_id: product.variants[0]!.id, quantity: 3 }, { variant_id: product.variants[1]!.id, quantity: 1 }]);
}
const fulfil = (s: TestShop, orderId: string) => rest(t, 'POST', `/admin/orders/${orderId}/fulfillments`, { bearer: s.adminToken, body: {} });

describe('earning', () => {
  test('sign-up on joining; a paid order earns pending points (rate + first-order bonus) that post on fulfilment', async () => {
    const ann = await customer('ann@example.com');
    const joined = await rest(t, 'GET', `${LOYALTY}/customer`, { bearer: ann.cat });
    expect(joined.status, JSON.stringify(joined.body)).toBe(200);
    expect(joined.body).toMatchObject({ customer_id: ann.customerId, balance: 50, pending: 0, lifetime_points: 50, tier: { name: 'Bronze' } });

    const order = await paidOrder(shop, ann.customerId);
    let view = (await rest(t, 'GET', `${LOYALTY}/customer`, { bearer: ann.cat })).body;
    expect(view).toMatchObject({ balance: 50, pending: 85 * 2 + 100 });
    expect(view.history.filter((e: { status: string }) => e.status === 'pending')).toHaveLength(2);

    expect((await fulfil(shop, order.id)).status).toBe(200);
    view = (await rest(t, 'GET', `${LOYALTY}/customer`, { bearer: ann.cat })).body;
    expect(view).toMatchObject({ balance: 320, pending: 0, lifetime_points: 320, tier: { name: 'Bronze' }, next_tier: { name: 'Silver', points_needed: 180 } });

    // A second order earns no second first-order bonus.
    const second = await paidOrder(shop, ann.customerId);
    await fulfil(shop, second.id);
    expect((await account(ann.customerId)).balance).toBe(320 + 170);
    expect((await account(ann.customerId)).lifetime).toBe(490);
  });

  test('refunds take points back: in proportion while partial, all of them once wholly refunded', async () => {
    const bea = await customer('bea@example.com');
    const order = await paidOrder(shop, bea.customerId);
    await fulfil(shop, order.id);
    expect((await account(bea.customerId)).balance).toBe(50 + 170 + 100);
    const payments = ledgerPaymentProvider({ orm: t.db.orm });
    await payments.refund({ shopId: shop.shopId, orderId: order.id, amountCents: 2000, currency: 'USD', idempotencyKey: `test-${order.id}-1` });
    // 170 purchase points × 20/85 = 40 back; the bonus stays.
    expect((await account(bea.customerId)).balance).toBe(320 - 40);
    // A replayed refund (same key) takes nothing more.
    await payments.refund({ shopId: shop.shopId, orderId: order.id, amountCents: 2000, currency: 'USD', idempotencyKey: `test-${order.id}-1` });
    expect((await account(bea.customerId)).balance).toBe(280);
    await payments.refund({ shopId: shop.shopId, orderId: order.id, amountCents: 6500, currency: 'USD', idempotencyKey: `test-${order.id}-2` });
    const after = await account(bea.customerId);
    expect(after).toMatchObject({ balance: 50, lifetime: 50 });
    const reversals = await t.db.orm.em.fork().find(LoyaltyLedgerEntry, { order: order.id, kind: 'reverse' });
    expect(reversals.map((r) => r.points).sort()).toEqual([-230, -40]);
  });

  test('a refund before fulfilment reduces the pending points instead', async () => {
    const cal = await customer('cal@example.com');
    const order = await paidOrder(shop, cal.customerId);
    await ledgerPaymentProvider({ orm: t.db.orm }).refund({ shopId: shop.shopId, orderId: order.id, amountCents: 8500, currency: 'USD', idempotencyKey: `test-${order.id}` });
    expect(await account(cal.customerId)).toMatchObject({ balance: 50, pending: 0 });
    await fulfil(shop, order.id);
    expect(await account(cal.customerId)).toMatchObject({ balance: 50, pending: 0, lifetime: 50 });
  });

  test('birthday points once a year; points expire after the configured days without activity', async () => {
    const dan = await customer('dan@example.com');
    const set = await rest(t, 'PUT', `/admin/loyalty/customers/${dan.customerId}`, { bearer: shop.adminToken, body: { birth_date: '1990-01-01' } });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ birth_date: '1990-01-01', balance: 80 });
    expect((await rest(t, 'GET', `${LOYALTY}/customer`, { bearer: dan.cat })).body.balance).toBe(80);

    const program = await rest(t, 'PUT', '/admin/loyalty/program', {
      bearer: shop.adminToken, body: { points_expire_after_days: 30, tiers: [{ name: 'Gold', min_lifetime_points: 1000 }, { name: 'Member', min_lifetime_points: 0 }] },
    });
    expect(program.body).toEqual({ points_expire_after_days: 30, tiers: [{ name: 'Member', min_lifetime_points: 0 }, { name: 'Gold', min_lifetime_points: 1000 }] });
    const em = t.db.orm.em.fork();
    await em.nativeUpdate(LoyaltyAccount, { customer: dan.customerId }, { lastActivityAt: new Date(Date.now() - 31 * 86_400_000) });
    const view = (await rest(t, 'GET', `${LOYALTY}/customer`, { bearer: dan.cat })).body;
    expect(view).toMatchObject({ balance: 0, lifetime_points: 80, tier: { name: 'Member' }, points_expire_at: null });
    expect(view.history[0]).toMatchObject({ kind: 'expire', points: -80 });
    await rest(t, 'PUT', '/admin/loyalty/program', { bearer: shop.adminToken, body: { points_expire_after_days: null, tiers: [] } });
  });
});

describe('redeeming', () => {
  test('20 concurrent redemptions against a balance for 5 give exactly 5 unique codes and leave the rest', async () => {
    const eve = await customer('eve@example.com');
    const reward = await createReward(t, shop, { name: '$5 off', kind: 'fixed_amount_discount', points_cost: 100, amount_cents: 500 });
    await adjustPoints(t, shop, eve.customerId, 530 - 50); // 50 from sign-up
    const results = await Promise.all(
      Array.from({ length: 20 }, () => rest(t, 'POST', `${LOYALTY}/redeem`, { bearer: eve.cat, body: { option_id: reward.id } })),
    );
    const ok = results.filter((r) => r.status === 200);
    expect(ok).toHaveLength(5);
    expect(results.filter((r) => r.status === 422)).toHaveLength(15);
    const codes = ok.map((r) => r.body.redemption.code as string);
    expect(new Set(codes).size).toBe(5);
    for (const c of codes) expect(c).toMatch(/^PTS(-[0-9A-HJKMNP-TV-Z]{5}){4}$/);
    expect((await account(eve.customerId)).balance).toBe(30);
    const em = t.db.orm.em.fork();
    expect(await em.count(LoyaltyRedemption, { customer: eve.customerId })).toBe(5);
    const entries = await em.find(LoyaltyLedgerEntry, { customer: eve.customerId });
    expect(entries.reduce((s, e) => s + e.points, 0)).toBe(30);
    const expires = new Date(ok[0]!.body.redemption.expires_at).getTime() - Date.now();
    expect(Math.round(expires / 86_400_000)).toBe(30);
  });

  test('both faces: options with can_afford, redeem, and the redemption in the account', async () => {
    const fay = await customer('fay@example.com');
    const cheap = await createReward(t, shop, { name: '10% off', kind: 'percentage_discount', points_cost: 40, percentage: 10 });
    await createReward(t, shop, { name: 'Free shipping', kind: 'free_shipping', points_cost: 5000 });
    await createReward(t, shop, { name: 'Retired', kind: 'free_shipping', points_cost: 1, active: false });
    const client = trpcClient(t, { bearer: fay.cat });
    await client.portalCore.loyalty.getCustomer.query();
    const options = await client.portalCore.loyalty.listRedeemOptions.query();
    expect(options.balance).toBe(50);
    expect(options.redeem_options.find((o) => o.id === cheap.id)).toMatchObject({ can_afford: true, percentage: 10 });
    expect(options.redeem_options.find((o) => o.name === 'Free shipping')).toMatchObject({ can_afford: false });
    expect(options.redeem_options.some((o) => o.name === 'Retired')).toBe(false);
    const restOptions = await rest(t, 'GET', `${LOYALTY}/redeem-options`, { bearer: fay.cat });
    expect(restOptions.body).toEqual(options);

    const earn = await client.portalCore.loyalty.listEarnOptions.query();
    expect(earn.earn_options.map((o) => o.kind).sort()).toEqual(['birthday', 'first_order', 'per_currency_unit', 'signup']);
    expect((await rest(t, 'GET', `${LOYALTY}/earn-options`, { bearer: fay.cat })).body).toEqual(earn);

    const redeemed = await client.portalCore.loyalty.redeem.mutate({ option_id: cheap.id });
    expect(redeemed).toMatchObject({ balance: 10, redemption: { kind: 'percentage_discount', percentage: 10, points_spent: 40 } });
    const mine = await client.portalCore.loyalty.getCustomer.query();
    expect(mine.redemptions[0]!.code).toBe(redeemed.redemption.code);
    expect(mine.history[0]).toMatchObject({ kind: 'redeem', points: -40, description: 'Reward: 10% off' });
  });

  test('hostile: another shop\'s reward, an inactive one, bad input — 404/400 and nothing spent', async () => {
    const gus = await customer('gus@example.com');
    await rest(t, 'GET', `${LOYALTY}/customer`, { bearer: gus.cat });
    const foreign = await createReward(t, other, { name: 'Theirs', kind: 'free_shipping', points_cost: 1 });
    const inactive = await createReward(t, shop, { name: 'Off', kind: 'free_shipping', points_cost: 1, active: false });
    for (const id of [foreign.id, inactive.id, crypto.randomUUID()]) {
      const res = await rest(t, 'POST', `${LOYALTY}/redeem`, { bearer: gus.cat, body: { option_id: id } });
      expect(res.status).toBe(404);
    }
    await expect(trpcClient(t, { bearer: gus.cat }).portalCore.loyalty.redeem.mutate({ option_id: foreign.id }))
      .rejects.toMatchObject({ data: { code: 'NOT_FOUND', httpStatus: 404 } });
    const bad = await rest(t, 'POST', `${LOYALTY}/redeem`, { bearer: gus.cat, body: { option_id: 'nope', extra: 1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/option_id/);
    expect(bad.body.error.message).toMatch(/extra/);
    expect((await rest(t, 'POST', `${LOYALTY}/redeem`, { body: { option_id: foreign.id } })).status).toBe(401);
    expect((await account(gus.customerId)).balance).toBe(50);
    expect(await t.db.orm.em.fork().count(LoyaltyRedemption, { customer: gus.customerId })).toBe(0);
  });
});

describe('admin', () => {
  test('another shop\'s customer is 404 and unchanged; a deduction past the balance is 422 and writes nothing', async () => {
    const hal = await customer('hal@example.com');
    await rest(t, 'GET', `${LOYALTY}/customer`, { bearer: hal.cat });
    for (const [method, path, body] of [
      ['GET', `/admin/loyalty/customers/${hal.customerId}`, undefined],
      ['PUT', `/admin/loyalty/customers/${hal.customerId}`, { birth_date: '1990-01-01' }],
      ['POST', `/admin/loyalty/customers/${hal.customerId}/adjustments`, { points: 1000, reason: 'x' }],
    ] as const) {
      const res = await rest(t, method, path, { bearer: other.adminToken, body });
      expect(res.status, path).toBe(404);
    }
    const otherAdmin = trpcClient(t, { bearer: other.adminToken }).portalCore.loyalty;
    await expect(otherAdmin.adminGetCustomer.query({ id: hal.customerId })).rejects.toMatchObject({ data: { httpStatus: 404 } });
    await expect(otherAdmin.adminAdjustPoints.mutate({ id: hal.customerId, points: 5, reason: 'x' })).rejects.toMatchObject({ data: { httpStatus: 404 } });
    const tooMuch = await rest(t, 'POST', `/admin/loyalty/customers/${hal.customerId}/adjustments`, { bearer: shop.adminToken, body: { points: -51, reason: 'x' } });
    expect(tooMuch.status).toBe(422);
    expect(await account(hal.customerId)).toMatchObject({ balance: 50, birthDate: null });
    expect(await t.db.orm.em.fork().count(LoyaltyLedgerEntry, { customer: hal.customerId })).toBe(1);
    const foreignReward = await createReward(t, other, { name: 'Theirs', kind: 'free_shipping', points_cost: 1 });
    const upd = await rest(t, 'PUT', `/admin/loyalty/rewards/${foreignReward.id}`, {
      bearer: shop.adminToken, body: { name: 'Mine now', kind: 'free_shipping', points_cost: 1 },
    });
    expect(upd.status).toBe(404);
  });

  test('validation names the field; a token without the loyalty scopes is 403; both faces for rules and rewards', async () => {
    const noValue = await rest(t, 'POST', '/admin/loyalty/rewards', { bearer: shop.adminToken, body: { name: 'x', kind: 'fixed_amount_discount', points_cost: 10 } });
    expect(noValue.status).toBe(400);
    expect(noValue.body.error.details.issues[0].field).toBe('amount_cents');
    const badKind = await rest(t, 'PUT', '/admin/loyalty/earn-rules/referral', { bearer: shop.adminToken, body: { name: 'x', points: 1 } });
    expect(badKind.status).toBe(400);
    expect(badKind.body.error.message).toMatch(/kind/);

    const em = t.db.orm.em.fork();
    const limited = newToken('adm');
    em.create(AdminToken, { shop: shop.shopId, title: 'orders only', tokenHash: limited.hash, scopes: ['read_orders'] });
    await em.flush();
    expect((await rest(t, 'GET', '/admin/loyalty/rewards', { bearer: limited.token })).status).toBe(403);
    expect((await rest(t, 'PUT', '/admin/loyalty/earn-rules/signup', { bearer: limited.token, body: { name: 'x', points: 1 } })).status).toBe(403);

    const client = trpcClient(t, { bearer: other.adminToken });
    const rule = await client.portalCore.loyalty.adminUpsertEarnRule.mutate({ kind: 'signup', name: 'Hi', points: 5 });
    const again = await client.portalCore.loyalty.adminUpsertEarnRule.mutate({ kind: 'signup', name: 'Hello', points: 7, active: false });
    expect(again).toMatchObject({ id: rule.id, name: 'Hello', points: 7, active: false });
    expect((await client.portalCore.loyalty.adminListEarnRules.query()).earn_rules).toHaveLength(1);
    const reward = await client.portalCore.loyalty.adminCreateReward.mutate({ name: '$1', kind: 'fixed_amount_discount', points_cost: 10, amount_cents: 100 });
    const changed = await client.portalCore.loyalty.adminUpdateReward.mutate({ id: reward.id, name: '$2', kind: 'fixed_amount_discount', points_cost: 20, amount_cents: 200 });
    expect(changed).toMatchObject({ name: '$2', points_cost: 20, amount_cents: 200 });
    expect((await rest(t, 'GET', '/admin/loyalty/rewards', { bearer: other.adminToken })).body.rewards.map((r: { id: string }) => r.id)).toContain(reward.id);
    expect((await client.portalCore.loyalty.adminGetProgram.query()).tiers[0]).toEqual({ name: 'Bronze', min_lifetime_points: 0 });
  });
});
