import { rest, type TestApi, type TestShop } from './harness.js';

/** Loyalty set-up through the admin API, as a merchant would do it. */

export async function putEarnRule(t: TestApi, shop: TestShop, kind: string, points: number, name = kind) {
  const res = await rest(t, 'PUT', `/admin/loyalty/earn-rules/${kind}`, { bearer: shop.adminToken, body: { name, points } });
  if (res.status !== 200) throw new Error(`putEarnRule: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string };
}

export async function createReward(t: TestApi, shop: TestShop, body: Record<string, unknown>) {
  const res = await rest(t, 'POST', '/admin/loyalty/rewards', { bearer: shop.adminToken, body });
  if (res.status !== 200) throw new Error(`createReward: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; points_cost: number };
}

export async function adjustPoints(t: TestApi, shop: TestShop, customerId: string, points: number, reason = 'Goodwill') {
  const res = await rest(t, 'POST', `/admin/loyalty/customers/${customerId}/adjustments`, { bearer: shop.adminToken, body: { points, reason } });
  if (res.status !== 200) throw new Error(`adjustPoints: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { balance: number };
}
