import { route } from '../common/route.js';
import { ZIdInput, ZOk } from '../common/schemas.js';

export const adminDeleteCompanyMeta = route({
  method: 'DELETE', path: '/admin/companies/{id}', auth: 'admin', scope: 'write_companies',
  tags: ['Admin', 'Companies'], summary: 'Delete a company with its locations and memberships',
  description:
    'Refused with 409 while any order was placed for one of its locations (orders keep their company for the books); ' +
    'a company without orders is deleted with its locations, budgets and memberships. The customers stay.',
  errors: [404, 409],
});
export const ZAdminDeleteCompanyInput = ZIdInput;
export const ZAdminDeleteCompanyOutput = ZOk;
