import { CustomerAddress, openOrm, type EntityManager } from '@cartly/db';
import { createCustomer, issueCustomerToken, provisionShop } from '@cartly/api/provisioning';

export interface BenchCredentials {
  /** Storefront access token of the seeded shop. */
  sat: string;
  /** Customer access token of its customer. */
  cat: string;
  addresses: number;
}

/** A shop with one customer who has five addresses (one default) and a live CAT. */
export async function seedCustomerWithAddresses(databaseUrl: string, addresses = 5): Promise<BenchCredentials> {
  const orm = await openOrm({ databaseUrl, poolMax: 2 });
  try {
    return await seed(orm.em.fork(), addresses);
  } finally {
    await orm.close(true);
  }
}

async function seed(em: EntityManager, addresses: number): Promise<BenchCredentials> {
  const { shop, storefrontAccessToken } = await provisionShop(em, { name: 'Bench Shop', email: 'bench@example.com' });
  const customer = await createCustomer(em, shop.id, { email: 'bench.customer@example.com', firstName: 'Bench', lastName: 'Customer' });
  for (let i = 0; i < addresses; i++) {
    em.create(CustomerAddress, {
      shop: shop.id,
      customer: customer.id,
      firstName: 'Bench',
      lastName: 'Customer',
      company: i % 2 ? 'Cartly Ltd' : null,
      address1: `${100 + i} Market Street`,
      address2: i % 2 ? null : `Suite ${i + 1}`,
      city: 'Springfield',
      province: 'IL',
      zip: `6270${i}`,
      countryCode: 'US',
      phone: '+12175550100',
      isDefault: i === 0,
    });
  }
  const { token } = issueCustomerToken(em, { shopId: shop.id, customerId: customer.id, ttlHours: 1 });
  await em.flush();
  return { sat: storefrontAccessToken, cat: token, addresses };
}
