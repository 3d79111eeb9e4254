import {
  DEFAULT_PORTAL_SETTINGS, ZPortalSettingsDocument,
  type PortalSettingsDocument, type PortalSettingsDto,
} from '@cartly/contracts/portal-core';
import { PortalSettingsVersion, type EntityManager, type IPortalSettingsVersion } from '@cartly/db';
import { AppError } from '../errors.js';

/**
 * A stored document over the defaults, section by section: a document saved
 * before a field existed still reads as a whole, valid document.
 */
function withDefaults(stored: Record<string, unknown>): PortalSettingsDocument {
  const merged: Record<string, unknown> = {};
  for (const [section, defaults] of Object.entries(DEFAULT_PORTAL_SETTINGS)) {
    const value = stored[section];
    merged[section] = value && typeof value === 'object' ? { ...defaults, ...value } : defaults;
  }
  return ZPortalSettingsDocument.parse(merged);
}

function view(shopId: string, row: IPortalSettingsVersion | null): PortalSettingsDto {
  if (!row) return { shop_id: shopId, version: 0, settings: DEFAULT_PORTAL_SETTINGS, updated_at: null };
  return { shop_id: shopId, version: row.version, settings: withDefaults(row.document), updated_at: row.createdAt.toISOString() };
}

const latest = (em: EntityManager, shopId: string) =>
  em.findOne(PortalSettingsVersion, { shop: shopId }, { orderBy: { version: 'desc' } });

/** The shop's current settings (defaults if never saved), or one saved version (404 if it never existed). */
export async function loadPortalSettings(em: EntityManager, shopId: string, version?: number): Promise<PortalSettingsDto> {
  if (version === undefined) return view(shopId, await latest(em, shopId));
  const row = await em.findOne(PortalSettingsVersion, { shop: shopId, version });
  if (!row) throw new AppError('NOT_FOUND', `version: settings version ${version} not found`);
  return view(shopId, row);
}

/**
 * Saves `document` as the next version; earlier versions stay. Two saves
 * racing for the same next version collide on the unique (shop, version)
 * key, and the loser gets 409 (translated once, in trpc.ts).
 */
export async function savePortalSettings(
  em: EntityManager,
  shopId: string,
  document: PortalSettingsDocument,
  expectedVersion?: number,
): Promise<PortalSettingsDto> {
  const current = (await latest(em, shopId))?.version ?? 0;
  if (expectedVersion !== undefined && expectedVersion !== current) {
    throw new AppError('CONFLICT', `expected_version: the settings are at version ${current}, not ${expectedVersion}`, {
      details: { current_version: current },
    });
  }
  const row = em.create(PortalSettingsVersion, { shop: shopId, version: current + 1, document });
  await em.flush();
  return view(shopId, row);
}
