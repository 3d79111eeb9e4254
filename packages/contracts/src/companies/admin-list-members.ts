import { z } from 'zod';
import { route } from '../common/route.js';
import { pageInputShape, pageOf } from '../common/pagination.js';
import { ZId } from '../common/schemas.js';
import { ZCompanyMember } from './schemas.js';

export const adminListMembersMeta = route({
  method: 'GET', path: '/admin/companies/{id}/members', auth: 'admin', scope: 'read_companies',
  tags: ['Admin', 'Companies'], summary: 'List a company\'s members', errors: [404],
});
export const ZAdminListMembersInput = z.strictObject({ id: ZId.describe('The company.'), ...pageInputShape });
export const ZAdminListMembersOutput = pageOf(ZCompanyMember);
