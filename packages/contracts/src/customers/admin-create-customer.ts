import { z } from 'zod';
import { route } from '../common/route.js';
import { ZEmail, ZPhone } from '../common/schemas.js';
import { ZAdminCustomer } from './schemas.js';

export const adminCreateCustomerMeta = route({
  method: 'POST', path: '/admin/customers', auth: 'admin', scope: 'write_customers',
  tags: ['Admin'], summary: 'Create a customer',
  description: 'Needs an email or a phone; both are unique within the shop (409 when taken).',
  errors: [409],
});
export const ZAdminCreateCustomerInput = z
  .strictObject({
    email: ZEmail.optional(),
    phone: ZPhone.optional(),
    first_name: z.string().trim().min(1).max(100).optional(),
    last_name: z.string().trim().min(1).max(100).optional(),
  })
  .refine((v) => v.email !== undefined || v.phone !== undefined, {
    message: 'email or phone is required',
    path: ['email'],
  });
export const ZAdminCreateCustomerOutput = ZAdminCustomer;
