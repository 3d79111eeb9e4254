import { App, type EntityManager, type IApp } from '@cartly/db';
import { AppError } from '../errors.js';

/*
 * The iframe host allow-list lives on the installed app (set at install by
 * `npm run cartly -- app:install --iframe-host`); the merchant edits it here.
 */

export async function extensionAppViews(em: EntityManager, shopId: string, appId?: string) {
  const apps = await em.find(App, { shop: shopId, uninstalledAt: null, ...(appId ? { id: appId } : {}) }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  if (apps.length === 0) return [];
  const counts = await em.execute<{ app_id: string; n: number }[]>(
    `select "app_id", count(*)::int as "n" from "extension_block" where "shop_id" = ? and "app_id" in (${apps.map(() => '?').join(', ')}) group by "app_id"`,
    [shopId, ...apps.map((a) => a.id)],
  );
  const byApp = new Map(counts.map((c) => [c.app_id, c.n]));
  return apps.map((a: IApp) => ({
    id: a.id,
    client_id: a.clientId,
    name: a.name,
    iframe_hosts: a.iframeHosts,
    blocks: byApp.get(a.id) ?? 0,
    installed_at: a.createdAt.toISOString(),
  }));
}

export async function setIframeHosts(em: EntityManager, where: { shopId: string; appId: string }, hosts: string[]) {
  const app = await em.findOne(App, { id: where.appId, shop: where.shopId, uninstalledAt: null });
  if (!app) throw new AppError('NOT_FOUND', 'app not found');
  app.iframeHosts = hosts;
  await em.flush();
  const [view] = await extensionAppViews(em, where.shopId, app.id);
  return view!;
}

