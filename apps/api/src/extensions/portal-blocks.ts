import type { PortalBlockDto, RemoteUiNode } from '@cartly/contracts/extensions';
import { type EntityManager, type ExtensionBlockKind, type ExtensionPoint, type ExtensionSettings, readRows, type Reader } from '@cartly/db';
import type { BlockRenderer } from './block-renderer.js';
import { checkIframeUrl, IFRAME_ALLOW, IFRAME_REFERRER_POLICY, IFRAME_SANDBOX } from './iframe-url.js';
import { CONTEXT_COLUMNS_SQL, loadLiquidContext, type ContextColumns, type LiquidContextWhere } from './liquid-context.js';
import { recordRenderFailure } from './render-errors.js';
import { effectiveSettings } from './settings.js';

/*
 * The storefront's question "what goes into this slot?". One query finds the
 * active blocks (both switches on, app still installed, in the merchant's
 * order) and whether the current version is known to be inert; the Liquid
 * context is loaded only when some block needs it. Liquid blocks render one
 * after the other against what is left of the slot's time budget.
 */

interface SlotRow extends ContextColumns {
  id: string;
  slug: string;
  point: ExtensionPoint;
  position: number;
  kind: ExtensionBlockKind;
  title: string;
  template: string | null;
  url: string | null;
  tree: RemoteUiNode | null;
  settings: ExtensionSettings;
  settings_override: ExtensionSettings;
  version: number;
  client_id: string;
  app_name: string;
  iframe_hosts: string[];
  inert: boolean;
}

/** More than any slot can sensibly show; bounds the work of one query. */
const SLOT_MAX_BLOCKS = 100;

/** `db` is the request's reader (`ctx.db`): the slot needs no EntityManager of its own. */
export async function listPortalBlocks(
  db: Reader | EntityManager,
  deps: { renderer: BlockRenderer; budgetMs: number },
  where: LiquidContextWhere & { point: ExtensionPoint },
): Promise<PortalBlockDto[]> {
  // One round trip for the blocks and what every Liquid block sees of the shop and the customer.
  const rows = await readRows<SlotRow>(
    db,
    `select b."id", b."slug", b."point", b."position", b."kind", b."title", b."template", b."url", b."tree", b."settings",
            b."settings_override", b."version", a."client_id", a."name" as "app_name", a."iframe_hosts", (e."id" is not null) as "inert",
            ${CONTEXT_COLUMNS_SQL}
       from "extension_block" b
       join "app" a on a."id" = b."app_id" and a."shop_id" = b."shop_id" and a."uninstalled_at" is null
       join "shop" s on s."id" = b."shop_id"
       left join "customer" c on c."id" = ? and c."shop_id" = b."shop_id"
       left join "extension_render_error" e on e."block_id" = b."id" and e."version" = b."version" and e."kind" = 'limit'
      where b."shop_id" = ? and b."point" = ? and b."app_enabled" and b."merchant_enabled"
      order by b."position", b."id"
      limit ?`,
    [where.customerId, where.shopId, where.point, SLOT_MAX_BLOCKS],
  );
  const needsContext = rows.some((r) => r.kind === 'liquid' && !r.inert);
  const context = needsContext ? await loadLiquidContext(db, where, rows[0]!) : null;
  // Serialised once: each block's cache key is this plus its own settings.
  const contextKey = context ? JSON.stringify(context) : '';
  // The budget is for rendering: it starts once the data is there (database latency is not the blocks' doing).
  const deadline = performance.now() + deps.budgetMs;

  const blocks: PortalBlockDto[] = [];
  for (const row of rows) {
    const settings = effectiveSettings(row.settings, row.settings_override);
    const base = {
      id: row.id,
      app: { client_id: row.client_id, name: row.app_name },
      slug: row.slug,
      point: row.point,
      position: row.position,
      kind: row.kind,
      title: row.title,
      version: row.version,
      settings,
      html: null,
      iframe: null,
      tree: null,
    };
    if (row.kind === 'liquid') {
      let html = '';
      if (!row.inert && context) {
        const data = { ...context, settings, block: { slug: row.slug, title: row.title, version: row.version } };
        const dataKey = `${contextKey}${JSON.stringify(settings)}${row.title}`;
        const result = await deps.renderer.render({ id: row.id, version: row.version, template: row.template! }, data, deadline - performance.now(), dataKey);
        if (result.ok) html = result.html;
        else await recordRenderFailure(db, { shopId: where.shopId, blockId: row.id, version: row.version, kind: result.kind, message: result.message });
      }
      blocks.push({ ...base, html });
    } else if (row.kind === 'iframe') {
      // The merchant may have taken the host off the list since registration: such a frame is not drawn.
      const checked = checkIframeUrl(row.url!, row.iframe_hosts);
      if (!checked.ok) {
        await recordRenderFailure(db, { shopId: where.shopId, blockId: row.id, version: row.version, kind: 'error', message: `url: ${checked.message}` });
        continue;
      }
      blocks.push({ ...base, iframe: { url: checked.url, sandbox: IFRAME_SANDBOX, allow: IFRAME_ALLOW, referrer_policy: IFRAME_REFERRER_POLICY } });
    } else {
      blocks.push({ ...base, tree: row.tree });
    }
  }
  return blocks;
}
