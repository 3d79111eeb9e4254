import {
  CompanyLocation, CompanyMembership, CompanyMembershipLocation, Customer,
  type CompanyRole, type EntityManager, type ICompanyMembership,
} from '@cartly/db';
import { AppError } from '../errors.js';
import { findCompany } from './companies.js';
import { roleMay } from './permissions.js';

/*
 * Memberships: the one way a customer joins, changes or leaves a company.
 * The merchant's admin API, company admins (their own team) and, next,
 * enterprise SSO (auto-join by email domain) all call these.
 */

async function assertLocationsOfCompany(em: EntityManager, shopId: string, companyId: string, locationIds: string[]) {
  if (locationIds.length === 0) return;
  const found = await em.find(CompanyLocation, { shop: shopId, company: companyId, id: { $in: locationIds } }, { fields: ['id'] });
  const known = new Set(found.map((l) => l.id));
  const missing = locationIds.find((id) => !known.has(id));
  if (missing) throw new AppError('NOT_FOUND', `location_ids: no location ${missing} in this company`);
}

function linkLocations(em: EntityManager, m: ICompanyMembership, locationIds: string[] | null) {
  m.locationLimited = locationIds !== null;
  for (const id of locationIds ?? []) em.create(CompanyMembershipLocation, { shop: m.shop, membership: m.id, location: id });
}

/**
 * Makes a customer of the shop a member of a company with a role, optionally
 * limited to some of its locations. A customer belongs to at most one
 * company: one who already does answers 409 (and the unique constraint on
 * (shop, customer) refuses a concurrent second membership the same way).
 */
export async function createMembership(
  em: EntityManager,
  input: { shopId: string; companyId: string; customerId: string; role: CompanyRole; locationIds?: string[] | null },
): Promise<ICompanyMembership> {
  const company = await findCompany(em, input.shopId, input.companyId);
  const customer = await em.findOne(Customer, { id: input.customerId, shop: input.shopId }, { fields: ['id'] });
  if (!customer) throw new AppError('NOT_FOUND', 'customer_id: no such customer');
  if (await em.count(CompanyMembership, { shop: input.shopId, customer: customer.id })) {
    throw new AppError('CONFLICT', 'this customer already belongs to a company');
  }
  const locationIds = input.locationIds ?? null;
  await assertLocationsOfCompany(em, input.shopId, company.id, locationIds ?? []);
  const membership = em.create(CompanyMembership, { shop: input.shopId, company: company.id, customer: customer.id, role: input.role, locationLimited: false });
  linkLocations(em, membership, locationIds);
  await em.flush();
  return membership;
}

export interface MembershipTarget {
  shopId: string;
  companyId: string;
  membershipId: string;
  /** Company admins may not leave their company without an admin; the merchant may. */
  keepAnAdmin: boolean;
  /**
   * The company admin making the change, re-checked under the company lock:
   * one demoted a moment ago (after the request's role check) changes nothing.
   */
  actingMembershipId?: string;
}

/**
 * Loads the membership after locking its company row: every change that
 * could remove an admin takes this lock first, so two admins demoting each
 * other at once are serialized and the second sees the first's result.
 */
async function lockedMembership(em: EntityManager, t: MembershipTarget): Promise<ICompanyMembership> {
  await findCompany(em, t.shopId, t.companyId, { lock: true });
  if (t.actingMembershipId) {
    const actor = await em.findOne(CompanyMembership, { id: t.actingMembershipId, shop: t.shopId, company: t.companyId }, { fields: ['role'] });
    if (!actor || !roleMay(actor.role, 'members.manage')) throw new AppError('FORBIDDEN', 'your company role no longer allows members.manage');
  }
  const m = await em.findOne(CompanyMembership, { id: t.membershipId, shop: t.shopId, company: t.companyId });
  if (!m) throw new AppError('NOT_FOUND', 'member not found');
  return m;
}

async function assertNotLastAdmin(em: EntityManager, t: MembershipTarget, m: ICompanyMembership, what: string) {
  if (!t.keepAnAdmin || m.role !== 'admin') return;
  const admins = await em.count(CompanyMembership, { shop: t.shopId, company: t.companyId, role: 'admin' });
  if (admins <= 1) throw new AppError('BUSINESS_RULE', `cannot ${what} the company's last admin`);
}

export async function updateMembership(
  em: EntityManager,
  t: MembershipTarget,
  change: { role?: CompanyRole; locationIds?: string[] | null },
): Promise<ICompanyMembership> {
  const m = await lockedMembership(em, t);
  if (change.role !== undefined && change.role !== 'admin') await assertNotLastAdmin(em, t, m, 'demote');
  if (change.role !== undefined) m.role = change.role;
  if (change.locationIds !== undefined) {
    await assertLocationsOfCompany(em, t.shopId, t.companyId, change.locationIds ?? []);
    await em.nativeDelete(CompanyMembershipLocation, { shop: t.shopId, membership: m.id });
    linkLocations(em, m, change.locationIds);
  }
  await em.flush();
  return m;
}

export async function deleteMembership(em: EntityManager, t: MembershipTarget): Promise<void> {
  const m = await lockedMembership(em, t);
  await assertNotLastAdmin(em, t, m, 'remove');
  await em.nativeDelete(CompanyMembership, { id: m.id, shop: t.shopId });
}
