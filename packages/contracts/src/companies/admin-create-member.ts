import { z } from 'zod';
import { route } from '../common/route.js';
import { ZId } from '../common/schemas.js';
import { ZCompanyMember, ZCompanyRole, ZLocationIds } from './schemas.js';

export const adminCreateMemberMeta = route({
  method: 'POST', path: '/admin/companies/{id}/members', auth: 'admin', scope: 'write_companies',
  tags: ['Admin', 'Companies'], summary: 'Make a customer a member of the company',
  description: 'A customer belongs to at most one company: one already in a company (this or another) answers 409.',
  errors: [404, 409],
});
export const ZAdminCreateMemberInput = z.strictObject({
  id: ZId.describe('The company.'),
  customer_id: ZId.describe('A customer of the shop.'),
  role: ZCompanyRole,
  location_ids: ZLocationIds.optional().describe('Limit the member to these locations of the company; leave out for all.'),
});
export const ZAdminCreateMemberOutput = ZCompanyMember;
