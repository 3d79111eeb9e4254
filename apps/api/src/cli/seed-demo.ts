import { Customer, CustomerAddress, Order, Product, ProductVariant, Shop, type EntityManager, type ShopSettings } from '@cartly/db';
import { issueOwnerCredentials, provisionShop } from '../shops/shops.js';
import { createPaidOrder, fulfill } from '../orders/orders.js';
import { saveCustomCss } from '../portal-core/custom-css.js';
import { seedLoyaltyDemo } from '../portal-core/seed-loyalty-demo.js';
import { seedDemoCompany } from '../companies/demo.js';
import { seedDemoExtensions } from '../extensions/demo.js';
import { createBlockRenderer } from '../extensions/block-renderer.js';
import { liquidjsEngine } from '../extensions/liquid/liquidjs-engine.js';

export const DEMO_EMAIL = 'demo@cartly.test';
const DEMO_DOMAIN = 'demo.cartly.test';

/** Lets pages on these origins embed the widget (CORS) and receive magic-link logins; idempotent. */
function listStorefronts(shop: { settings: ShopSettings }, origins: string[]): void {
  const settings = shop.settings;
  const pages = origins.map((o) => `${o}/`);
  shop.settings = {
    ...settings,
    storefrontOrigins: [...new Set([...(settings.storefrontOrigins ?? []), ...origins])],
    redirectAllowList: [...new Set([...(settings.redirectAllowList ?? []), ...pages])],
  };
}

/**
 * A demo shop: one customer with an address, two products, a loyalty program,
 * a fulfilled order (which earned the customer points), a B2B company with a
 * location budget and a member of each role, and an app with one portal block
 * of each kind. Run again, it keeps the data and issues fresh credentials (the
 * old ones are revoked: secrets are shown once and never stored).
 */
/** The demo shop trades from the US: its SMS codes go to +1 numbers only. */
const DEMO_COUNTRY = 'US';

export async function seedDemo(em: EntityManager, opts: { storefrontOrigins?: string[] } = {}) {
  const existing = await em.findOne(Shop, { domain: DEMO_DOMAIN });
  if (existing) {
    listStorefronts(existing, opts.storefrontOrigins ?? []);
    // Demo data from before shops had a country: its SMS go to US numbers only, like a new demo shop's.
    existing.country ??= DEMO_COUNTRY;
    const credentials = await issueOwnerCredentials(em, existing.id);
    const customer = await em.findOneOrFail(Customer, { shop: existing.id, email: DEMO_EMAIL });
    const order = await em.findOne(Order, { shop: existing.id, customer: customer.id }, { orderBy: { id: 'asc' } });
    const extensions = await seedDemoExtensions(em, demoRenderer(), existing.id);
    return {
      shop_id: existing.id,
      admin_token: credentials.adminToken,
      storefront_access_token: credentials.storefrontAccessToken,
      customer_email: DEMO_EMAIL,
      customer_id: customer.id,
      order_id: order?.id ?? null,
      company: await seedDemoCompany(em, existing.id),
      extensions_app: extensions,
    };
  }
  const { shop, adminToken, storefrontAccessToken } = await provisionShop(em, {
    name: 'Demo Shop', email: 'merchant@cartly.test', domain: DEMO_DOMAIN, country: DEMO_COUNTRY,
  });
  shop.settings = { redirectAllowList: ['http://127.0.0.1:3000/'] };
  listStorefronts(shop, opts.storefrontOrigins ?? []);
  const customer = em.create(Customer, { shop: shop.id, email: DEMO_EMAIL, firstName: 'Dana', lastName: 'Demo' });
  em.create(CustomerAddress, {
    shop: shop.id, customer: customer.id, firstName: 'Dana', lastName: 'Demo',
    address1: '1 Market St', city: 'San Francisco', province: 'CA', zip: '94105', countryCode: 'US', isDefault: true,
  });
  const tee = em.create(Product, { shop: shop.id, title: 'Cartly Tee', handle: 'cartly-tee' });
  const mug = em.create(Product, { shop: shop.id, title: 'Cartly Mug', handle: 'cartly-mug' });
  const teeM = em.create(ProductVariant, { shop: shop.id, product: tee.id, title: 'M / Black', sku: 'TEE-M-BLK', priceCents: 2500 });
  const mugV = em.create(ProductVariant, { shop: shop.id, product: mug.id, title: 'Default', sku: 'MUG-1', priceCents: 1200 });
  await em.flush();
  await seedLoyaltyDemo(em, shop.id);
  const order = await createPaidOrder(em, shop.id, customer.id, [
    { variantId: teeM.id, quantity: 2 },
    { variantId: mugV.id, quantity: 1 },
  ]);
  await fulfill(em, shop.id, order.id, { trackingNumber: 'DEMO-TRACK-1' });
  // Portal settings stay at their defaults (version 0); a little branding shows the custom CSS path working.
  await saveCustomCss(em, shop.id, ':host{--cp-accent:#0f766e}.cp-card{border-radius:12px}');
  const extensions = await seedDemoExtensions(em, demoRenderer(), shop.id);
  return {
    shop_id: shop.id,
    admin_token: adminToken,
    storefront_access_token: storefrontAccessToken,
    customer_email: DEMO_EMAIL,
    customer_id: customer.id,
    order_id: order.id,
    company: await seedDemoCompany(em, shop.id),
    extensions_app: extensions,
  };
}

/** Only to check the demo templates as an app's would be; nothing is rendered here. */
const demoRenderer = () => createBlockRenderer({ engine: liquidjsEngine(), blockTimeMs: 50 });
