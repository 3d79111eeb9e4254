import { z } from 'zod';
import { text } from '../common/text.js';
import { route } from '../common/route.js';
import { ZEmail } from '../common/schemas.js';
import { ZCompanyMember, ZCompanyRole, ZLocationIds } from './schemas.js';

const name = text({ min: 1, max: 100 });

export const createMemberMeta = route({
  method: 'POST', path: '/customer/company/members', auth: 'company_member', b2b: 'members.manage',
  tags: ['Companies'], summary: 'Company admins: add a customer of the shop to the team, by email',
  description:
    'An email no customer of the shop has creates that customer (they log in with a one-time code). A customer who ' +
    'already belongs to a company answers 409. A location id that is not the company\'s answers 404.',
  errors: [404, 409],
});
export const ZCreateMemberInput = z.strictObject({
  email: ZEmail,
  role: ZCompanyRole,
  location_ids: ZLocationIds.optional().describe('Limit the member to these locations; leave out for all.'),
  first_name: name.optional().describe('For a new customer: first name.'),
  last_name: name.optional().describe('For a new customer: last name.'),
});
export const ZCreateMemberOutput = ZCompanyMember;
