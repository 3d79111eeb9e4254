import { z } from 'zod';
import { route } from '../common/route.js';
import { ZId, ZOk } from '../common/schemas.js';

export const adminDeleteMemberMeta = route({
  method: 'DELETE', path: '/admin/companies/{id}/members/{membership_id}', auth: 'admin', scope: 'write_companies',
  tags: ['Admin', 'Companies'], summary: 'Remove a member from the company (the customer stays)',
  errors: [404],
});
export const ZAdminDeleteMemberInput = z.strictObject({ id: ZId.describe('The company.'), membership_id: ZId.describe('The membership.') });
export const ZAdminDeleteMemberOutput = ZOk;
