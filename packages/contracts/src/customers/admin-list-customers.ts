import { z } from 'zod';
import { route } from '../common/route.js';
import { pageInputShape, pageOf } from '../common/pagination.js';
import { ZEmail } from '../common/schemas.js';
import { ZAdminCustomer } from './schemas.js';

export const adminListCustomersMeta = route({
  method: 'GET', path: '/admin/customers', auth: 'admin', scope: 'read_customers',
  tags: ['Admin'], summary: 'List the shop\'s customers, newest first',
});
export const ZAdminListCustomersInput = z.strictObject({
  ...pageInputShape,
  email: ZEmail.optional().describe('Only the customer with this email (normalised like stored emails).'),
});
export const ZAdminListCustomersOutput = pageOf(ZAdminCustomer);
