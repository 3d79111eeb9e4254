// Response shapes of customers: merchants see a customer with the fields the customer sees of themself.
import type { Profile } from '@cartly/contracts/account';
import type { ICustomer } from '@cartly/db';

export function profileOf(c: ICustomer): Profile {
  return {
    id: c.id,
    email: c.email ?? null,
    phone: c.phone ?? null,
    first_name: c.firstName ?? null,
    last_name: c.lastName ?? null,
    created_at: c.createdAt.toISOString(),
  };
}

export const adminCustomerOf = profileOf;
