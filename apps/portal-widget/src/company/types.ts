/*
 * B2B company views (SPEC §7). The customer-side queries (`GET /customer/company`,
 * `/members`, `/locations`, `POST /customer/orders/{id}/reorder`, issue #11) are
 * not on this branch yet: these shapes mirror the SPEC until their
 * RouterOutputs replace them in `src/api/company.ts`.
 */
export type CompanyRole = 'admin' | 'buyer' | 'viewer';

export interface CompanyLocation {
  id: string;
  name: string;
  currency: string;
  budget_amount_cents: number;
  budget_period: 'monthly' | 'quarterly' | 'yearly';
  spent_cents: number;
}

export interface CompanyMember {
  id: string;
  email: string;
  name: string | null;
  role: CompanyRole;
}

export interface CompanyView {
  company: { id: string; name: string };
  role: CompanyRole;
  locations: CompanyLocation[];
  members: CompanyMember[];
}

/** Viewers read; buyers and admins may also order (SPEC §7). The server enforces it; the widget hides what would fail. */
export const canReorder = (role: CompanyRole): boolean => role === 'buyer' || role === 'admin';
export const canManageTeam = (role: CompanyRole): boolean => role === 'admin';
