import { App } from '@cartly/db';
import { installTestApp, rest, type TestApi, type TestShop } from './harness.js';

/** Test helpers of the extensions domain: installed apps and the three faces' calls. */

export interface TestApp {
  appId: string;
  clientId: string;
  appToken: string;
}

export async function installApp(t: TestApi, shop: TestShop, name = 'Reviews', iframeHosts = ['reviews.example.com']): Promise<TestApp> {
  return installTestApp(t, shop, name, iframeHosts);
}

export async function uninstallApp(t: TestApi, app: TestApp): Promise<void> {
  const em = t.db.orm.em.fork();
  await em.nativeUpdate(App, { id: app.appId }, { uninstalledAt: new Date() });
}

export const blockPath = (slug: string) => `/apps/api/blocks/${slug}/portal-extensions`;

export function upsertBlock(t: TestApi, app: TestApp, slug: string, body: Record<string, unknown>) {
  return rest(t, 'POST', blockPath(slug), { bearer: app.appToken, body });
}

export const liquid = (template: string, extra: Record<string, unknown> = {}) => ({ point: 'account_overview', kind: 'liquid', title: 'Block', template, ...extra });

/** Registers a block that must be accepted; returns its id. */
export async function registered(t: TestApi, app: TestApp, slug: string, body: Record<string, unknown>): Promise<string> {
  const res = await upsertBlock(t, app, slug, body);
  if (res.status !== 200) throw new Error(`upsert ${slug}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

export function slot(t: TestApi, shop: TestShop, point: string, opts: { cat?: string; order_id?: string; return_id?: string } = {}) {
  const query = new URLSearchParams({ point, ...(opts.order_id ? { order_id: opts.order_id } : {}), ...(opts.return_id ? { return_id: opts.return_id } : {}) });
  return rest(t, 'GET', `/storefront/v1/portal/extensions?${query}`, { sat: shop.sat, bearer: opts.cat });
}

export function adminBlocks(t: TestApi, shop: TestShop, point?: string) {
  return rest(t, 'GET', `/admin/customer-portal/extensions${point ? `?point=${point}` : ''}`, { bearer: shop.adminToken });
}
