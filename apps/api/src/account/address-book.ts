import { Customer, CustomerAddress, LockMode, type EntityManager } from '@cartly/db';
import { AppError } from '../errors.js';

/*
 * The address book keeps exactly one default per customer. Mutations lock the
 * customer row first so concurrent requests serialise instead of racing the
 * partial unique index.
 */

export async function lockAddressBook(em: EntityManager, shopId: string, customerId: string): Promise<void> {
  const customer = await em.findOne(Customer, { id: customerId, shop: shopId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!customer) throw new AppError('UNAUTHENTICATED', 'missing or invalid customer access token');
}

export async function clearDefault(em: EntityManager, shopId: string, customerId: string): Promise<void> {
  await em.nativeUpdate(CustomerAddress, { shop: shopId, customer: customerId, isDefault: true }, { isDefault: false });
}

export async function loadOwnAddress(em: EntityManager, shopId: string, customerId: string, id: string) {
  const address = await em.findOne(CustomerAddress, { id, shop: shopId, customer: customerId });
  if (!address) throw new AppError('NOT_FOUND', 'address not found');
  return address;
}

/** Maps API fields onto the entity, touching only the fields present. */
export function assignAddress(target: Record<string, unknown>, input: Record<string, unknown>): void {
  const map: Record<string, string> = {
    first_name: 'firstName', last_name: 'lastName', company: 'company', address1: 'address1',
    address2: 'address2', city: 'city', province: 'province', zip: 'zip', country_code: 'countryCode', phone: 'phone',
  };
  for (const [from, to] of Object.entries(map)) {
    if (input[from] !== undefined) target[to] = input[from] ?? null;
  }
}
