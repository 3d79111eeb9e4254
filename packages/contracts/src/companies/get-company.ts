import { z } from 'zod';
import { route } from '../common/route.js';
import { ZId } from '../common/schemas.js';
import { ZB2BAction, ZCompanyRole } from './schemas.js';

export const getCompanyMeta = route({
  method: 'GET', path: '/customer/company', auth: 'company_member', b2b: 'company.read',
  tags: ['Companies'], summary: 'The company the logged-in customer belongs to, with their role and rights',
  description: 'A customer who is not a member of a company gets 403.',
});
export const ZGetCompanyInput = z.strictObject({});
export const ZGetCompanyOutput = z
  .object({
    company: z.object({ id: ZId, name: z.string(), external_id: z.string().nullable() }),
    membership: z.object({
      id: ZId,
      role: ZCompanyRole,
      location_ids: z.array(ZId).nullable().describe('The locations the customer is limited to; null for all.'),
    }),
    permissions: z.array(ZB2BAction).describe('What the customer\'s role allows, from the permission table.'),
  })
  .describe('The caller\'s company and membership.');
