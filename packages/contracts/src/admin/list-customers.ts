import { z } from 'zod';
import { route } from '../common/route.js';
import { pageInputShape, pageOf } from '../common/pagination.js';
import { ZAdminCustomer } from './schemas.js';

export const listCustomersMeta = route({
  method: 'GET', path: '/admin/customers', auth: 'admin', scope: 'read_customers',
  tags: ['Admin'], summary: 'List the shop\'s customers, newest first',
});
export const ZListCustomersInput = z.strictObject({
  ...pageInputShape,
  email: z.string().trim().max(320).optional().describe('Only the customer with this exact email.'),
});
export const ZListCustomersOutput = pageOf(ZAdminCustomer);
