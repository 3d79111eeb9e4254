import {
  App, ExtensionBlock, LockMode,
  type EntityManager, type ExtensionPoint, type ExtensionSettings, type IApp, type IExtensionBlock,
} from '@cartly/db';
import type { AdminBlockDto } from '@cartly/contracts/extensions';
import { AppError } from '../errors.js';
import type { BlockRenderer } from './block-renderer.js';
import { clearRenderFailure } from './render-errors.js';
import { overridesFrom } from './settings.js';
import { adminBlockView, currentRenderErrors } from './views.js';

/*
 * The merchant's side: every block of the installed apps, and the three
 * things a merchant decides (on/off, where, setting values). Blocks of an
 * uninstalled app are hidden here as in the portal: they are 404.
 */

export async function adminBlockViews(em: EntityManager, shopId: string, filter: { point?: ExtensionPoint; id?: string } = {}): Promise<AdminBlockDto[]> {
  const apps = new Map((await em.find(App, { shop: shopId, uninstalledAt: null })).map((a) => [a.id, a]));
  if (apps.size === 0) return [];
  const blocks = await em.find(
    ExtensionBlock,
    { shop: shopId, app: { $in: [...apps.keys()] }, ...(filter.point ? { point: filter.point } : {}), ...(filter.id ? { id: filter.id } : {}) },
    { orderBy: { point: 'asc', position: 'asc', id: 'asc' } },
  );
  const errors = await currentRenderErrors(em, shopId, blocks);
  return blocks.map((b) => adminBlockView(b, apps.get(b.app)!, errors.get(b.id)));
}

async function lockInstalledBlock(em: EntityManager, shopId: string, id: string): Promise<{ block: IExtensionBlock; app: IApp }> {
  const block = await em.findOne(ExtensionBlock, { id, shop: shopId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const app = block ? await em.findOne(App, { id: block.app, shop: shopId, uninstalledAt: null }) : null;
  if (!block || !app) throw new AppError('NOT_FOUND', 'extension block not found');
  return { block, app };
}

export interface BlockChanges {
  enabled?: boolean;
  point?: ExtensionPoint;
  position?: number;
  settings?: ExtensionSettings;
}

/** One merchant edit, in the mutation's transaction; the slots it touches are locked so concurrent moves cannot interleave. */
export async function updateAdminBlock(
  em: EntityManager,
  renderer: BlockRenderer,
  where: { shopId: string; id: string },
  changes: BlockChanges,
): Promise<AdminBlockDto> {
  // Merchant edits of one shop's slots run one at a time: two moves locking each other's rows in opposite orders would deadlock.
  await em.execute(`select pg_advisory_xact_lock(hashtextextended('extension_slots:' || ?, 0))`, [where.shopId]);
  const { block } = await lockInstalledBlock(em, where.shopId, where.id);
  if (changes.point !== undefined && !block.allowedPoints.includes(changes.point)) {
    throw new AppError('BUSINESS_RULE', `point: this block may only be placed in ${block.allowedPoints.join(', ')}`, {
      details: { allowed_points: block.allowedPoints },
    });
  }
  if (changes.settings !== undefined) block.settingsOverride = overridesFrom(block.settings, changes.settings);
  if (changes.enabled !== undefined) {
    // Switching on is also the merchant's "try again" for a block that went inert.
    if (changes.enabled) {
      await clearRenderFailure(em, { shopId: where.shopId, blockId: block.id, version: block.version });
      renderer.forget(block.id);
    }
    block.merchantEnabled = changes.enabled;
  }
  if (changes.point !== undefined || changes.position !== undefined) {
    await placeBlock(em, block, changes.point ?? block.point, changes.position);
  }
  await em.flush();
  const [view] = await adminBlockViews(em, where.shopId, { id: block.id });
  return view!;
}

/** Puts the block at `position` of `point` (last when omitted or past the end) and renumbers both slots from 0. */
async function placeBlock(em: EntityManager, block: IExtensionBlock, point: ExtensionPoint, position: number | undefined): Promise<void> {
  const points = [...new Set([block.point, point])];
  const siblings = await em.find(
    ExtensionBlock,
    { shop: block.shop, point: { $in: points }, id: { $ne: block.id } },
    { orderBy: { position: 'asc', id: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  const source = siblings.filter((b) => b.point === block.point && b.point !== point);
  const target = siblings.filter((b) => b.point === point);
  target.splice(Math.min(position ?? target.length, target.length), 0, block);
  block.point = point;
  source.forEach((b, i) => (b.position = i));
  target.forEach((b, i) => (b.position = i));
}

export async function deleteAdminBlock(em: EntityManager, renderer: BlockRenderer, where: { shopId: string; id: string }): Promise<void> {
  const { block } = await lockInstalledBlock(em, where.shopId, where.id);
  await em.nativeDelete(ExtensionBlock, { id: block.id, shop: where.shopId });
  renderer.forget(block.id);
}
