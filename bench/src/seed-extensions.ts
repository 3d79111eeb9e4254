import { openOrm, type EntityManager } from '@cartly/db';
import { createCustomer, installApp, issueCustomerToken, provisionShop } from '@cartly/api/provisioning';
import { upsertAppBlock } from '../../apps/api/src/extensions/app-blocks.js';
import { createBlockRenderer } from '../../apps/api/src/extensions/block-renderer.js';
import { liquidjsEngine } from '../../apps/api/src/extensions/liquid/liquidjs-engine.js';
import type { BenchCredentials } from './seed.js';

export const EXTENSION_BLOCKS = 20;
export const EXTENSION_POINT = 'account_overview';

/** A modest, realistic block: the customer's name, two settings, a loop and a filter or two. */
const template = (i: number) => `<div class="block-${i}">
  <h3>{{ settings.headline }} {{ customer.first_name | default: "there" }}</h3>
  <p>{{ shop.name }} rewards: {{ settings.points | times: 10 }} points ({{ shop.currency }})</p>
  <ul>{% for n in (1..5) %}<li>Perk {{ n }} of block ${i}{% if forloop.last %}.{% endif %}</li>{% endfor %}</ul>
  <a href="https://apps.example.com/b/${i}">More</a>
</div>`;

/** A shop with one app holding 20 Liquid blocks in one slot, a customer and a live CAT. */
export async function seedExtensionSlot(databaseUrl: string): Promise<BenchCredentials> {
  const orm = await openOrm({ databaseUrl, poolMax: 2 });
  try {
    return await orm.em.fork().transactional((em) => seed(em as unknown as EntityManager));
  } finally {
    await orm.close(true);
  }
}

async function seed(em: EntityManager): Promise<BenchCredentials> {
  const { shop, storefrontAccessToken } = await provisionShop(em, { name: 'Bench Extensions Shop', email: 'bench-ext@example.com' });
  const customer = await createCustomer(em, shop.id, { email: 'bench.ext@example.com', firstName: 'Bench', lastName: 'Customer' });
  const { app } = await installApp(em, { shopId: shop.id, name: 'Bench App', iframeHosts: ['apps.example.com'] });
  const renderer = createBlockRenderer({ engine: liquidjsEngine(), blockTimeMs: 50 });
  for (let i = 0; i < EXTENSION_BLOCKS; i++) {
    await upsertAppBlock(em, renderer, { shopId: shop.id, appId: app.id }, {
      slug: `bench-${i}`, point: EXTENSION_POINT, kind: 'liquid', title: `Bench ${i}`, template: template(i),
      settings: { headline: 'Welcome back', points: i },
    });
  }
  const { token } = issueCustomerToken(em, { shopId: shop.id, customerId: customer.id, ttlHours: 1 });
  await em.flush();
  return { sat: storefrontAccessToken, cat: token, addresses: EXTENSION_BLOCKS };
}
