import { z } from 'zod';
import { route } from '../common/route.js';
import { ZId } from '../common/schemas.js';
import { ZCompanyMember, ZCompanyRole, ZLocationIds } from './schemas.js';

export const updateMemberMeta = route({
  method: 'PUT', path: '/customer/company/members/{id}', auth: 'company_member', b2b: 'members.manage',
  tags: ['Companies'], summary: 'Company admins: change a member\'s role or location limits',
  description: 'Demoting the company\'s last admin answers 422. Takes effect on the member\'s next request.',
  errors: [404, 422],
});
export const ZUpdateMemberInput = z
  .strictObject({
    id: ZId.describe('The membership.'),
    role: ZCompanyRole.optional(),
    location_ids: ZLocationIds.nullable().optional().describe('The locations the member is limited to; null for all.'),
  })
  .refine((v) => v.role !== undefined || v.location_ids !== undefined, { message: 'give role or location_ids', path: ['role'] });
export const ZUpdateMemberOutput = ZCompanyMember;
