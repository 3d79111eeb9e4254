import { z } from 'zod';
import { route } from '../common/route.js';
import { pageInputShape, pageOf } from '../common/pagination.js';
import { ZCompanyMember } from './schemas.js';

export const listMembersMeta = route({
  method: 'GET', path: '/customer/company/members', auth: 'company_member', b2b: 'members.read',
  tags: ['Companies'], summary: 'The members of the customer\'s company',
});
export const ZListMembersInput = z.strictObject(pageInputShape);
export const ZListMembersOutput = pageOf(ZCompanyMember);
