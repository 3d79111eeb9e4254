import { Customer, type EntityManager, type ICustomer } from '@cartly/db';
import { AppError } from '../errors.js';

export interface NewCustomer {
  email?: string | null;
  phone?: string | null;
  firstName?: string | null;
  lastName?: string | null;
}

/** Creates a customer; email and phone are each unique within the shop. */
export async function createCustomer(em: EntityManager, shopId: string, data: NewCustomer): Promise<ICustomer> {
  if (data.email && (await em.count(Customer, { shop: shopId, email: data.email }))) {
    throw new AppError('CONFLICT', 'email: a customer with this email already exists');
  }
  if (data.phone && (await em.count(Customer, { shop: shopId, phone: data.phone }))) {
    throw new AppError('CONFLICT', 'phone: a customer with this phone already exists');
  }
  const customer = em.create(Customer, {
    shop: shopId,
    email: data.email ?? null,
    phone: data.phone ?? null,
    firstName: data.firstName ?? null,
    lastName: data.lastName ?? null,
  });
  await em.flush();
  return customer;
}
