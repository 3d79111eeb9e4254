import type { B2BAction } from '@cartly/contracts/companies';
import type { CompanyRole, EntityManager } from '@cartly/db';
import { AppError } from '../errors.js';
import { roleMay } from './permissions.js';

/** The caller's membership as loaded for this request: what company procedures receive in ctx. */
export interface CompanyAccess {
  membershipId: string;
  companyId: string;
  role: CompanyRole;
  /** The locations the member is limited to; null when not limited. */
  locationIds: string[] | null;
  /** The shop's time zone, where budget periods start. */
  timeZone: string;
}

// One query per request: the membership, its location limits and the shop's time zone.
const MEMBERSHIP_SQL = `
select m.id, m.company_id, m.role, m.location_limited, s.timezone,
       coalesce(array_agg(ml.location_id::text) filter (where ml.location_id is not null), '{}') as location_ids
from company_membership m
join shop s on s.id = m.shop_id
left join company_membership_location ml on ml.membership_id = m.id and ml.shop_id = m.shop_id
where m.shop_id = ? and m.customer_id = ?
group by m.id, s.timezone`;

/**
 * requireB2BRole: the check every company procedure goes through, called by
 * the middleware that resolves the CAT. It reads the membership on every
 * request (never from the token), so a role change or removal applies on the
 * very next request. Not a member, or a role the permission table denies: 403.
 */
export async function requireB2BRole(
  em: EntityManager,
  who: { shopId: string; customerId: string },
  action: B2BAction,
): Promise<CompanyAccess> {
  const [row] = await em.execute<{ id: string; company_id: string; role: CompanyRole; location_limited: boolean; timezone: string; location_ids: string[] }[]>(
    MEMBERSHIP_SQL,
    [who.shopId, who.customerId],
  );
  if (!row) throw new AppError('FORBIDDEN', 'you are not a member of a company');
  if (!roleMay(row.role, action)) throw new AppError('FORBIDDEN', `your company role (${row.role}) does not allow ${action}`);
  return {
    membershipId: row.id,
    companyId: row.company_id,
    role: row.role,
    locationIds: row.location_limited ? row.location_ids : null,
    timeZone: row.timezone,
  };
}

/** Whether the member may see and order for this location. */
export function mayUseLocation(access: CompanyAccess, locationId: string): boolean {
  return access.locationIds === null || access.locationIds.includes(locationId);
}
