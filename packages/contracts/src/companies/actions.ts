/*
 * The B2B vocabulary routes name in their meta (`b2b: '<action>'`). Which role
 * may do which action is the API's one permission table
 * (apps/api/src/companies/permissions.ts); the contracts only name them.
 */
export const COMPANY_ROLE_VALUES = ['admin', 'buyer', 'viewer'] as const;
export type CompanyRoleValue = (typeof COMPANY_ROLE_VALUES)[number];

export const B2B_ACTIONS = [
  'company.read',
  'members.read',
  'members.manage',
  'locations.read',
  'orders.reorder',
] as const;
export type B2BAction = (typeof B2B_ACTIONS)[number];
