import { route } from '../common/route.js';
import { ZIdInput } from '../common/schemas.js';
import { ZLoyaltyAccount } from './loyalty-schemas.js';

export const adminGetLoyaltyCustomerMeta = route({
  method: 'GET', path: '/admin/loyalty/customers/{id}', auth: 'admin', scope: 'read_loyalty',
  tags: ['Admin', 'Loyalty'], summary: 'A customer\'s loyalty account (opens it on first use)', errors: [404],
});
export const ZAdminGetLoyaltyCustomerInput = ZIdInput;
export const ZAdminGetLoyaltyCustomerOutput = ZLoyaltyAccount;
