import { randomBytes } from 'node:crypto';
import {
  Company, CompanyBudgetEntry, CompanyLocation, Customer, Order, Shop,
  type BudgetPeriod, type MikroORM,
} from '@cartly/db';

/** Company locations as the API leaves them after some spending (the HTTP path is tested in apps/api). */

export interface SeededLocation {
  id: string;
  shopId: string;
  spentCents: number;
}

export async function seedShop(orm: MikroORM, timezone = 'UTC'): Promise<{ shopId: string; companyId: string; customerId: string }> {
  const tag = randomBytes(4).toString('hex');
  const em = orm.em.fork();
  const shop = em.create(Shop, { name: `Shop ${tag}`, domain: `shop-${tag}.cartly.test`, currency: 'USD', timezone });
  const company = em.create(Company, { shop: shop.id, name: `Company ${tag}` });
  const customer = em.create(Customer, { shop: shop.id, email: `buyer-${tag}@example.com` });
  await em.flush();
  return { shopId: shop.id, companyId: company.id, customerId: customer.id };
}

let orderNumber = 5000;

/** A location counting `periodStart`'s period, with one order charged for `spentCents`. */
export async function seedLocation(
  orm: MikroORM,
  at: { shopId: string; companyId: string; customerId: string },
  opts: { period: BudgetPeriod; periodStart: string; spentCents: number; name?: string },
): Promise<SeededLocation> {
  const em = orm.em.fork();
  const location = em.create(CompanyLocation, {
    shop: at.shopId, company: at.companyId, name: opts.name ?? opts.period, address1: '1 Main St', city: 'Springfield', countryCode: 'US',
    budgetAmountCents: 100_000, currency: 'USD', budgetPeriod: opts.period, periodStart: opts.periodStart, spentCents: opts.spentCents,
  });
  if (opts.spentCents > 0) {
    const order = em.create(Order, {
      shop: at.shopId, customer: at.customerId, number: ++orderNumber, currency: 'USD',
      subtotalCents: opts.spentCents, totalCents: opts.spentCents, paidCents: opts.spentCents,
    });
    em.create(CompanyBudgetEntry, { shop: at.shopId, location: location.id, kind: 'charge', amountCents: opts.spentCents, periodStart: opts.periodStart, order: order.id });
  }
  await em.flush();
  return { id: location.id, shopId: at.shopId, spentCents: opts.spentCents };
}

export interface LocationState {
  periodStart: string;
  spentCents: number;
  ledgerSum: number;
  resets: { periodStart: string; amountCents: number }[];
}

export async function locationState(orm: MikroORM, id: string): Promise<LocationState> {
  const em = orm.em.fork();
  const l = await em.findOneOrFail(CompanyLocation, { id });
  const entries = await em.find(CompanyBudgetEntry, { location: id }, { orderBy: { createdAt: 'asc' } });
  return {
    periodStart: l.periodStart,
    spentCents: l.spentCents,
    ledgerSum: entries.reduce((s, e) => s + e.amountCents, 0),
    resets: entries.filter((e) => e.kind === 'reset').map((e) => ({ periodStart: e.periodStart, amountCents: e.amountCents })),
  };
}
