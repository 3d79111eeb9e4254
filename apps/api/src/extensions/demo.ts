import { App, type EntityManager } from '@cartly/db';
import { installApp } from '../shops/shops.js';
import { upsertAppBlock } from './app-blocks.js';
import type { BlockRenderer } from './block-renderer.js';

export const DEMO_APP_NAME = 'Demo Rewards';
/** `.test` never resolves: the demo frame shows the sandbox attributes without reaching any host. */
const DEMO_IFRAME_HOST = 'rewards.cartly.test';

/**
 * The demo shop's extension app: one block of each kind in `account_overview`.
 * Idempotent: a shop that already has the app keeps it (its token was shown once).
 */
export async function seedDemoExtensions(em: EntityManager, renderer: BlockRenderer, shopId: string): Promise<{ app_client_id: string; app_token?: string }> {
  const existing = await em.findOne(App, { shop: shopId, name: DEMO_APP_NAME, uninstalledAt: null });
  if (existing) return { app_client_id: existing.clientId };
  const { app, appToken } = await installApp(em, { shopId, name: DEMO_APP_NAME, iframeHosts: [DEMO_IFRAME_HOST] });
  const ref = { shopId, appId: app.id };
  await upsertAppBlock(em, renderer, ref, {
    slug: 'welcome', point: 'account_overview', allowed_points: ['sidebar', 'header'], kind: 'liquid', title: 'Welcome',
    template:
      '<div class="rewards"><h3>{{ settings.headline }}{% if customer %}, {{ customer.first_name }}{% endif %}!</h3>' +
      '<p>Every {{ shop.currency }} 1 at {{ shop.name }} earns {{ settings.points_per_unit }} points.</p>' +
      '<a href="/account/rewards">See your rewards</a></div>',
    settings: { headline: 'Welcome back', points_per_unit: 10 },
  });
  await upsertAppBlock(em, renderer, ref, {
    slug: 'rewards-frame', point: 'account_overview', kind: 'iframe', title: 'Rewards', url: `https://${DEMO_IFRAME_HOST}/portal/embed`,
  });
  await upsertAppBlock(em, renderer, ref, {
    slug: 'refer', point: 'account_overview', kind: 'remote_ui', title: 'Refer a friend',
    tree: {
      type: 'Banner', tone: 'info', title: 'Refer a friend', children: [
        { type: 'Text', text: 'Give 10 %, get 500 points.' },
        { type: 'Button', text: 'Get my link', variant: 'primary', action: { type: 'event', name: 'referral.open' } },
      ],
    },
  });
  return { app_client_id: app.clientId, app_token: appToken };
}
