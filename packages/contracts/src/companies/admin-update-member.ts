import { z } from 'zod';
import { route } from '../common/route.js';
import { ZId } from '../common/schemas.js';
import { ZCompanyMember, ZCompanyRole, ZLocationIds } from './schemas.js';

export const adminUpdateMemberMeta = route({
  method: 'PUT', path: '/admin/companies/{id}/members/{membership_id}', auth: 'admin', scope: 'write_companies',
  tags: ['Admin', 'Companies'], summary: 'Change a member\'s role or location limits',
  description: 'Takes effect on the member\'s next request. `location_ids: null` lifts the limit.',
  errors: [404],
});
export const ZAdminUpdateMemberInput = z
  .strictObject({
    id: ZId.describe('The company.'),
    membership_id: ZId.describe('The membership.'),
    role: ZCompanyRole.optional(),
    location_ids: ZLocationIds.nullable().optional().describe('The locations the member is limited to; null for all.'),
  })
  .refine((v) => v.role !== undefined || v.location_ids !== undefined, { message: 'give role or location_ids', path: ['role'] });
export const ZAdminUpdateMemberOutput = ZCompanyMember;
