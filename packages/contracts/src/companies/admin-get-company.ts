import { route } from '../common/route.js';
import { ZIdInput } from '../common/schemas.js';
import { ZCompany } from './schemas.js';

export const adminGetCompanyMeta = route({
  method: 'GET', path: '/admin/companies/{id}', auth: 'admin', scope: 'read_companies',
  tags: ['Admin', 'Companies'], summary: 'Get one company', errors: [404],
});
export const ZAdminGetCompanyInput = ZIdInput;
export const ZAdminGetCompanyOutput = ZCompany;
