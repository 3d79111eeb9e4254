import type { AdminBlockDto, AppBlockDto, RemoteUiNode } from '@cartly/contracts/extensions';
import { ExtensionRenderError, type EntityManager, type IApp, type IExtensionBlock, type IExtensionRenderError } from '@cartly/db';
import { effectiveSettings } from './settings.js';

/** Last render failures of the blocks' current versions, by block id. */
export async function currentRenderErrors(em: EntityManager, shopId: string, blocks: IExtensionBlock[]) {
  if (blocks.length === 0) return new Map<string, IExtensionRenderError>();
  const rows = await em.find(ExtensionRenderError, { shop: shopId, block: { $in: blocks.map((b) => b.id) } });
  const version = new Map(blocks.map((b) => [b.id, b.version]));
  return new Map(rows.filter((r) => version.get(r.block) === r.version).map((r) => [r.block, r]));
}

function renderErrorView(e: IExtensionRenderError | undefined) {
  return e ? { version: e.version, kind: e.kind, message: e.message, count: e.count, last_at: e.lastAt.toISOString() } : null;
}

function contentView(b: IExtensionBlock) {
  return { template: b.template ?? null, url: b.url ?? null, tree: (b.tree ?? null) as RemoteUiNode | null };
}

export function appBlockView(b: IExtensionBlock, error: IExtensionRenderError | undefined): AppBlockDto {
  return {
    id: b.id,
    slug: b.slug,
    point: b.point,
    allowed_points: b.allowedPoints,
    kind: b.kind,
    title: b.title,
    ...contentView(b),
    settings: b.settings,
    enabled: b.appEnabled,
    merchant_enabled: b.merchantEnabled,
    position: b.position,
    version: b.version,
    last_render_error: renderErrorView(error),
    created_at: b.createdAt.toISOString(),
    updated_at: b.updatedAt.toISOString(),
  };
}

export function adminBlockView(b: IExtensionBlock, app: IApp, error: IExtensionRenderError | undefined): AdminBlockDto {
  return {
    id: b.id,
    app: { id: app.id, client_id: app.clientId, name: app.name },
    slug: b.slug,
    point: b.point,
    allowed_points: b.allowedPoints,
    position: b.position,
    kind: b.kind,
    title: b.title,
    ...contentView(b),
    enabled: b.merchantEnabled,
    app_enabled: b.appEnabled,
    active: b.merchantEnabled && b.appEnabled && error?.kind !== 'limit',
    settings: effectiveSettings(b.settings, b.settingsOverride),
    settings_override: b.settingsOverride,
    version: b.version,
    last_render_error: renderErrorView(error),
    created_at: b.createdAt.toISOString(),
    updated_at: b.updatedAt.toISOString(),
  };
}
