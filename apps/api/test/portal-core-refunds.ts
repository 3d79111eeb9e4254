import { afterAll, beforeAll } from 'vitest';
import { AdminToken, InventoryLevel, OrderLine } from '@cartly/db';
import type { PaymentProvider } from '@cartly/payments';
import { startApi } from '../src/app.js';
import { newToken } from '../src/auth/tokens.js';
import { createTwoShops, startTestApi, type TestApi, type TestShop } from './harness.js';

/** An admin token of `shop` with only these scopes (to prove 403s). */
export async function limitedAdminToken(t: TestApi, shop: TestShop, scopes: string[]): Promise<string> {
  const em = t.db.orm.em.fork();
  const { token, hash } = newToken('adm');
  em.create(AdminToken, { shop: shop.shopId, title: `limited ${scopes.join(' ')}`, tokenHash: hash, scopes });
  await em.flush();
  return token;
}

/** A second API over the same database and SMTP sink, with its own payment provider (fault injection). */
export async function startApiWithPayments(t: TestApi, payments: PaymentProvider) {
  const api = await startApi(t.env, {
    orm: t.db.orm,
    adapters: t.api.adapters,
    deps: (d) => ({ ...d, portalCore: { ...d.portalCore, payments } }),
  });
  return { url: api.url, close: () => api.close() };
}

/** Units on hand of each variant of the given order lines (undefined: never counted). */
export async function inventoryOfLines(t: TestApi, orderLineIds: string[]): Promise<(number | undefined)[]> {
  const em = t.db.orm.em.fork();
  const lines = await em.find(OrderLine, { id: { $in: orderLineIds } });
  const byId = new Map(lines.map((l) => [l.id, l.variant]));
  return Promise.all(
    orderLineIds.map(async (id) => (await em.findOne(InventoryLevel, { variant: byId.get(id)! }))?.available),
  );
}

/**
 * A test file's API with two shops, started before its tests and closed after;
 * the fields are filled in by beforeAll.
 */
export function useTwoShops(): { t: TestApi; shop: TestShop; other: TestShop } {
  const ctx = {} as { t: TestApi; shop: TestShop; other: TestShop };
  beforeAll(async () => {
    ctx.t = await startTestApi();
    Object.assign(ctx, await createTwoShops(ctx.t));
  });
  afterAll(() => ctx.t.close());
  return ctx;
}
