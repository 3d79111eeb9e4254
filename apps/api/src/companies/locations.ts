import {
  CompanyLocation, CompanyOrder, LockMode, periodStartOf,
  type BudgetPeriod, type EntityManager, type ICompanyLocation,
} from '@cartly/db';
import { AppError } from '../errors.js';
import { currentShop } from '../shops/current-shop.js';
import { findCompany } from './companies.js';

export interface ShippingAddressFields {
  address1: string;
  address2?: string | null;
  city: string;
  province?: string | null;
  zip?: string | null;
  countryCode: string;
}

export interface LocationFields {
  name?: string;
  address?: ShippingAddressFields;
  budgetAmountCents?: number;
  budgetPeriod?: BudgetPeriod;
}

const addressColumns = (a: ShippingAddressFields) => ({
  address1: a.address1,
  address2: a.address2 ?? null,
  city: a.city,
  province: a.province ?? null,
  zip: a.zip ?? null,
  countryCode: a.countryCode,
});

/** A location of the company (of the shop), optionally locked for a budget change; else 404. */
export async function findLocation(
  em: EntityManager,
  where: { shopId: string; companyId: string; locationId: string },
  opts: { lock?: boolean } = {},
): Promise<ICompanyLocation> {
  const location = await em.findOne(
    CompanyLocation,
    { id: where.locationId, shop: where.shopId, company: where.companyId },
    opts.lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
  );
  if (!location) throw new AppError('NOT_FOUND', 'location not found');
  return location;
}

/** Budgets are in the shop's currency, the currency orders are placed in. The first period starts now. */
export async function createLocation(
  em: EntityManager,
  where: { shopId: string; companyId: string },
  fields: Required<LocationFields> & { currency?: string },
  now = new Date(),
): Promise<ICompanyLocation> {
  const company = await findCompany(em, where.shopId, where.companyId);
  const shop = await currentShop(em, where.shopId);
  if (fields.currency !== undefined && fields.currency !== shop.currency) {
    throw new AppError('BUSINESS_RULE', `currency: budgets are in the shop's currency (${shop.currency})`);
  }
  const location = em.create(CompanyLocation, {
    shop: where.shopId,
    company: company.id,
    name: fields.name,
    ...addressColumns(fields.address),
    budgetAmountCents: fields.budgetAmountCents,
    currency: shop.currency,
    budgetPeriod: fields.budgetPeriod,
    periodStart: periodStartOf(fields.budgetPeriod, now, shop.timezone),
    spentCents: 0,
  });
  await em.flush();
  return location;
}

/**
 * Edits under the row lock budget charges take, so a concurrent reorder sees
 * either the old or the new budget, never a mix. A new period kind keeps the
 * spend and re-anchors it to the current period of that kind.
 */
export async function updateLocation(
  em: EntityManager,
  where: { shopId: string; companyId: string; locationId: string },
  fields: LocationFields,
  now = new Date(),
): Promise<ICompanyLocation> {
  const location = await findLocation(em, where, { lock: true });
  if (fields.name !== undefined) location.name = fields.name;
  if (fields.address) Object.assign(location, addressColumns(fields.address));
  if (fields.budgetAmountCents !== undefined) location.budgetAmountCents = fields.budgetAmountCents;
  if (fields.budgetPeriod !== undefined && fields.budgetPeriod !== location.budgetPeriod) {
    const shop = await currentShop(em, where.shopId);
    location.budgetPeriod = fields.budgetPeriod;
    location.periodStart = periodStartOf(fields.budgetPeriod, now, shop.timezone);
  }
  await em.flush();
  return location;
}

export async function deleteLocation(em: EntityManager, where: { shopId: string; companyId: string; locationId: string }): Promise<void> {
  const location = await findLocation(em, where, { lock: true });
  const orders = await em.count(CompanyOrder, { shop: where.shopId, location: location.id });
  if (orders > 0) throw new AppError('CONFLICT', `the location has ${orders} order(s) and cannot be deleted`, { details: { orders } });
  await em.nativeDelete(CompanyLocation, { id: location.id, shop: where.shopId });
}
