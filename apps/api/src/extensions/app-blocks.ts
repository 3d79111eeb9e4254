import type { UpsertBlockInput } from '@cartly/contracts/extensions';
import {
  App, ExtensionBlock, ExtensionBlockVersion, LockMode, uuidv7,
  type EntityManager, type ExtensionPoint, type IExtensionBlock,
} from '@cartly/db';
import { AppError } from '../errors.js';
import type { BlockRenderer } from './block-renderer.js';
import { checkIframeUrl } from './iframe-url.js';

/** Enough for any real app; bounds the admin listing and the slot query. */
export const MAX_BLOCKS_PER_APP = 50;
/** Versions kept per block (the newest). */
const KEPT_VERSIONS = 20;

export interface AppRef {
  shopId: string;
  appId: string;
}

const notFound = () => new AppError('NOT_FOUND', 'this app has no block with that slug');

/**
 * Registers or updates the calling app's block `slug` in the mutation's
 * transaction. Content is checked first (nothing is written when it fails);
 * the row lock serialises concurrent upserts of one slug, so each gets its own
 * version number.
 */
export async function upsertAppBlock(
  em: EntityManager,
  renderer: BlockRenderer,
  ref: AppRef,
  input: UpsertBlockInput,
): Promise<{ block: IExtensionBlock; created: boolean }> {
  const app = await em.findOneOrFail(App, { id: ref.appId, shop: ref.shopId });
  const content = checkedContent(renderer, app.iframeHosts, input);
  const allowedPoints = [...new Set<ExtensionPoint>([input.point, ...(input.allowed_points ?? [])])];
  const settings = input.settings ?? {};
  const appEnabled = input.enabled ?? true;

  let block = await lockBlock(em, ref, input.slug);
  let created = false;
  if (!block) {
    const count = await em.count(ExtensionBlock, { shop: ref.shopId, app: ref.appId });
    if (count >= MAX_BLOCKS_PER_APP) throw new AppError('BUSINESS_RULE', `an app may register at most ${MAX_BLOCKS_PER_APP} blocks`);
    // ON CONFLICT: a concurrent first upsert of the same slug waits for the other and then updates its row instead.
    const now = new Date();
    const inserted = await em.execute<{ id: string }[]>(
      `insert into "extension_block" ("id", "shop_id", "app_id", "slug", "point", "allowed_points", "position", "kind", "title",
         "template", "url", "tree", "settings", "settings_override", "app_enabled", "merchant_enabled", "version", "created_at", "updated_at")
       values (?, ?, ?, ?, ?, ?::jsonb,
         (select coalesce(max("position") + 1, 0) from "extension_block" where "shop_id" = ? and "point" = ?),
         ?, ?, ?, ?, ?::jsonb, ?::jsonb, '{}'::jsonb, ?, true, 1, ?, ?)
       on conflict ("app_id", "slug") do nothing returning "id"`,
      [
        uuidv7(), ref.shopId, ref.appId, input.slug, input.point, JSON.stringify(allowedPoints), ref.shopId, input.point,
        input.kind, input.title, content.template, content.url, content.tree === null ? null : JSON.stringify(content.tree),
        JSON.stringify(settings), appEnabled, now, now,
      ],
    );
    created = inserted.length === 1;
    block = await lockBlock(em, ref, input.slug);
    if (!block) throw new AppError('CONFLICT', 'the block was removed while it was being registered; try again');
  }

  if (!created) {
    if (!allowedPoints.includes(block.point)) {
      // The app no longer allows where the merchant put it: back to the app's slot, last.
      block.point = input.point;
      block.position = await nextPosition(em, ref.shopId, input.point);
    }
    Object.assign(block, {
      allowedPoints, kind: input.kind, title: input.title, ...content, settings, appEnabled, version: block.version + 1,
    });
  }
  em.create(ExtensionBlockVersion, {
    shop: ref.shopId, block: block.id, version: block.version, kind: block.kind, title: block.title,
    template: content.template, url: content.url, tree: content.tree, settings,
  });
  await em.flush();
  await em.nativeDelete(ExtensionBlockVersion, { shop: ref.shopId, block: block.id, version: { $lte: block.version - KEPT_VERSIONS } });
  return { block, created };
}

export async function getAppBlock(em: EntityManager, ref: AppRef, slug: string): Promise<IExtensionBlock> {
  const block = await em.findOne(ExtensionBlock, { shop: ref.shopId, app: ref.appId, slug });
  if (!block) throw notFound();
  return block;
}

export async function deleteAppBlock(em: EntityManager, renderer: BlockRenderer, ref: AppRef, slug: string): Promise<void> {
  const block = await lockBlock(em, ref, slug);
  if (!block) throw notFound();
  await em.nativeDelete(ExtensionBlock, { id: block.id, shop: ref.shopId });
  renderer.forget(block.id);
}

function lockBlock(em: EntityManager, ref: AppRef, slug: string) {
  return em.findOne(ExtensionBlock, { shop: ref.shopId, app: ref.appId, slug }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
}

export async function nextPosition(em: EntityManager, shopId: string, point: ExtensionPoint): Promise<number> {
  const [row] = await em.execute<{ next: number }[]>(
    'select coalesce(max("position") + 1, 0)::int as "next" from "extension_block" where "shop_id" = ? and "point" = ?',
    [shopId, point],
  );
  return row?.next ?? 0;
}

/** The one content field of the block's kind, checked: a template that parses, an allowed https URL, a tree (checked by its schema). */
function checkedContent(renderer: BlockRenderer, iframeHosts: string[], input: UpsertBlockInput) {
  const content = { template: null as string | null, url: null as string | null, tree: null as unknown };
  if (input.kind === 'liquid') {
    const checked = renderer.check(input.template!);
    if (!checked.ok) throw new AppError('VALIDATION_FAILED', `template: ${checked.message}`, { details: { issues: [{ field: 'template', message: checked.message }] } });
    content.template = input.template!;
  } else if (input.kind === 'iframe') {
    const checked = checkIframeUrl(input.url!, iframeHosts);
    if (!checked.ok) throw new AppError('VALIDATION_FAILED', `url: ${checked.message}`, { details: { issues: [{ field: 'url', message: checked.message }] } });
    content.url = checked.url;
  } else {
    content.tree = input.tree!;
  }
  return content;
}
