import { z } from 'zod';
import { route } from '../common/route.js';
import { ZLoyaltyAccount } from './loyalty-schemas.js';

export const getLoyaltyCustomerMeta = route({
  method: 'GET', path: '/subscriptions/cp/api/loyalty-integration/customer', auth: 'customer',
  tags: ['Portal core', 'Loyalty'], summary: 'The logged-in customer\'s points balance, pending points, tier and history',
  description: 'Opens the customer\'s loyalty account on first use (which pays the shop\'s sign-up rule once).',
});
export const ZGetLoyaltyCustomerInput = z.void();
export const ZGetLoyaltyCustomerOutput = ZLoyaltyAccount;
