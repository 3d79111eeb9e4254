import type { CompanyDto, CompanyLocationDto, CompanyMemberDto } from '@cartly/contracts/companies';
import {
  Customer, CompanyMembershipLocation, nextPeriodStart, periodStartOf,
  type EntityManager, type ICompany, type ICompanyLocation, type ICompanyMembership,
} from '@cartly/db';

/** Response shapes of the companies domain. */

export function companyView(c: ICompany, audience: 'admin' | 'customer' = 'admin'): CompanyDto {
  return {
    id: c.id,
    name: c.name,
    external_id: c.externalId ?? null,
    note: audience === 'admin' ? (c.note ?? null) : null,
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
  };
}

/**
 * The budget as of `now`: a location whose period rolled over but has not
 * been reset yet (the schedule runs every 15 minutes) already shows the new
 * period with nothing spent, so spend never leaks across periods.
 */
export function locationView(l: ICompanyLocation, timeZone: string, now = new Date()): CompanyLocationDto {
  const current = periodStartOf(l.budgetPeriod, now, timeZone);
  const stale = l.periodStart < current;
  const start = stale ? current : l.periodStart;
  const spent = stale ? 0 : l.spentCents;
  return {
    id: l.id,
    company_id: l.company,
    name: l.name,
    shipping_address: {
      address1: l.address1,
      address2: l.address2 ?? null,
      city: l.city,
      province: l.province ?? null,
      zip: l.zip ?? null,
      country_code: l.countryCode,
    },
    budget: {
      amount_cents: l.budgetAmountCents,
      currency: l.currency,
      period: l.budgetPeriod,
      period_start: start,
      period_end: nextPeriodStart(l.budgetPeriod, start),
      spent_cents: spent,
      remaining_cents: Math.max(0, l.budgetAmountCents - spent),
    },
    created_at: l.createdAt.toISOString(),
    updated_at: l.updatedAt.toISOString(),
  };
}

/** Member views for a page of memberships: their customers and location limits in two queries. */
export async function memberViews(em: EntityManager, shopId: string, memberships: ICompanyMembership[]): Promise<CompanyMemberDto[]> {
  if (memberships.length === 0) return [];
  const customers = await em.find(Customer, { shop: shopId, id: { $in: memberships.map((m) => m.customer) } });
  const byId = new Map(customers.map((c) => [c.id, c]));
  const limited = memberships.filter((m) => m.locationLimited).map((m) => m.id);
  const links = limited.length ? await em.find(CompanyMembershipLocation, { shop: shopId, membership: { $in: limited } }, { orderBy: { id: 'asc' } }) : [];
  return memberships.map((m) => {
    const c = byId.get(m.customer);
    return {
      id: m.id,
      company_id: m.company,
      customer: { id: m.customer, email: c?.email ?? null, first_name: c?.firstName ?? null, last_name: c?.lastName ?? null },
      role: m.role,
      location_ids: m.locationLimited ? links.filter((x) => x.membership === m.id).map((x) => x.location) : null,
      created_at: m.createdAt.toISOString(),
      updated_at: m.updatedAt.toISOString(),
    };
  });
}

export async function memberView(em: EntityManager, shopId: string, m: ICompanyMembership): Promise<CompanyMemberDto> {
  return (await memberViews(em, shopId, [m]))[0]!;
}
