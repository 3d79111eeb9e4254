import { route } from '../common/route.js';
import { ZIdInput, ZOk } from '../common/schemas.js';

export const deleteMemberMeta = route({
  method: 'DELETE', path: '/customer/company/members/{id}', auth: 'company_member', b2b: 'members.manage',
  tags: ['Companies'], summary: 'Company admins: remove a member from the team (the customer stays)',
  description: 'Removing the company\'s last admin answers 422.',
  errors: [404, 422],
});
export const ZDeleteMemberInput = ZIdInput;
export const ZDeleteMemberOutput = ZOk;
