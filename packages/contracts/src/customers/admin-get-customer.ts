import { route } from '../common/route.js';
import { ZIdInput } from '../common/schemas.js';
import { ZAdminCustomer } from './schemas.js';

export const adminGetCustomerMeta = route({
  method: 'GET', path: '/admin/customers/{id}', auth: 'admin', scope: 'read_customers',
  tags: ['Admin'], summary: 'Get a customer', errors: [404],
});
export const ZAdminGetCustomerInput = ZIdInput;
export const ZAdminGetCustomerOutput = ZAdminCustomer;
