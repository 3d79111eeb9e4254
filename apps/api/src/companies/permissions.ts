import { B2B_ACTIONS, type B2BAction } from '@cartly/contracts/companies';
import type { CompanyRole } from '@cartly/db';

/**
 * The one permission table of B2B companies: role × action. Every company
 * procedure names its action in its route meta and requireB2BRole checks it
 * here; the tests enumerate this table, so an action cannot be added without
 * every role being decided (the type demands each cell) and tested.
 */
export const PERMISSIONS = {
  admin: {
    'company.read': true,
    'members.read': true,
    'members.manage': true,
    'locations.read': true,
    'orders.reorder': true,
  },
  buyer: {
    'company.read': true,
    'members.read': true,
    'members.manage': false,
    'locations.read': true,
    'orders.reorder': true,
  },
  viewer: {
    'company.read': true,
    'members.read': true,
    'members.manage': false,
    'locations.read': true,
    'orders.reorder': false,
  },
} as const satisfies Record<CompanyRole, Record<B2BAction, boolean>>;

export function roleMay(role: CompanyRole, action: B2BAction): boolean {
  return PERMISSIONS[role][action];
}

/** The actions a role allows, in the contracts' order (what GET /customer/company reports). */
export function permissionsOf(role: CompanyRole): B2BAction[] {
  return B2B_ACTIONS.filter((a) => roleMay(role, a));
}
