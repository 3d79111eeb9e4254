import { Company, CompanyLocation, CompanyMembership, Customer, Order, ProductVariant, type EntityManager } from '@cartly/db';
import { createCompany } from './companies.js';
import { createLocation } from './locations.js';
import { createMembership } from './memberships.js';
import { createPaidOrder } from '../orders/orders.js';

const DEMO_COMPANY = 'DEMO-B2B';
const MEMBERS = [
  { role: 'admin', email: 'b2b-admin@cartly.test', firstName: 'Ada', lastName: 'Admin' },
  { role: 'buyer', email: 'b2b-buyer@cartly.test', firstName: 'Ben', lastName: 'Buyer' },
  { role: 'viewer', email: 'b2b-viewer@cartly.test', firstName: 'Vic', lastName: 'Viewer' },
] as const;

/**
 * The demo shop's B2B company: one location with a monthly $500 budget, one
 * member of each role, and an order of the buyer's to reorder. Run again, it
 * finds what is there and creates only what is missing.
 */
export async function seedDemoCompany(em: EntityManager, shopId: string) {
  const company =
    (await em.findOne(Company, { shop: shopId, externalId: DEMO_COMPANY })) ??
    (await createCompany(em, shopId, { name: 'Demo Supplies Ltd', externalId: DEMO_COMPANY, note: 'Demo data from npm start' }));
  const location =
    (await em.findOne(CompanyLocation, { shop: shopId, company: company.id }, { orderBy: { id: 'asc' } })) ??
    (await createLocation(em, { shopId, companyId: company.id }, {
      name: 'Head office',
      address: { address1: '10 Harbour Way', city: 'Bristol', zip: 'BS1 5TY', countryCode: 'GB' },
      budgetAmountCents: 50_000,
      budgetPeriod: 'monthly',
    }));
  const members = [];
  for (const m of MEMBERS) {
    const customer =
      (await em.findOne(Customer, { shop: shopId, email: m.email })) ??
      em.create(Customer, { shop: shopId, email: m.email, firstName: m.firstName, lastName: m.lastName });
    await em.flush();
    if (!(await em.count(CompanyMembership, { shop: shopId, customer: customer.id }))) {
      await createMembership(em, { shopId, companyId: company.id, customerId: customer.id, role: m.role });
    }
    members.push({ role: m.role, email: m.email, customerId: customer.id });
  }
  const buyer = members.find((m) => m.role === 'buyer')!;
  let order = await em.findOne(Order, { shop: shopId, customer: buyer.customerId }, { orderBy: { id: 'asc' } });
  const variant = await em.findOne(ProductVariant, { shop: shopId, sku: 'MUG-1' });
  if (!order && variant) order = await createPaidOrder(em, shopId, buyer.customerId, [{ variantId: variant.id, quantity: 10 }]);
  return {
    company_id: company.id,
    name: company.name,
    location_id: location.id,
    budget: `${location.budgetAmountCents} ${location.currency} per ${location.budgetPeriod.replace(/ly$/, '')}`,
    members: members.map((m) => ({ role: m.role, email: m.email })),
    reorderable_order_id: order?.id ?? null,
  };
}
