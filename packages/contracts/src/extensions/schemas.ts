import { z } from 'zod';
import { text } from '../common/text.js';
import { ZId, ZTimestamp } from '../common/schemas.js';
import { ZRemoteUiNode } from './remote-ui.js';

/*
 * Portal extension points (SPEC §6). The slot and kind names are the API's
 * vocabulary; the database stores the same values (a test keeps them equal).
 */

export const EXTENSION_POINT_VALUES = ['header', 'footer', 'sidebar', 'account_overview', 'order_detail', 'return_detail'] as const;
export const ZExtensionPoint = z
  .enum(EXTENSION_POINT_VALUES)
  .describe('A portal slot. `order_detail` blocks may see the order and `return_detail` blocks the return being viewed.');
export type ExtensionPointValue = z.infer<typeof ZExtensionPoint>;

export const BLOCK_KIND_VALUES = ['liquid', 'iframe', 'remote_ui'] as const;
export const ZBlockKind = z
  .enum(BLOCK_KIND_VALUES)
  .describe('`liquid`: a template rendered server-side into sanitised HTML; `iframe`: a sandboxed frame of an https page of the app; `remote_ui`: a tree of portal components.');

/** Largest template accepted at registration (characters); also liquidjs's parse limit. */
export const LIQUID_TEMPLATE_MAX_CHARS = 20_000;

export const ZBlockSlug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'must be 1-64 characters: lower-case letters, digits, "-" or "_", starting with a letter or digit')
  .describe('The app\'s own name for the block; registering the same slug again updates that block.');

const ZSettingName = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'setting names are 1-40 characters: lower-case letters, digits and "_", starting with a letter');
const ZSettingValue = z.union([text({ max: 1000, trim: false, multiline: true }), z.number(), z.boolean(), z.null()]);
export const ZBlockSettings = z
  .record(ZSettingName, ZSettingValue)
  .refine((s) => Object.keys(s).length <= 30, 'at most 30 settings')
  .describe('Flat settings (names to strings, numbers, booleans or null); Liquid sees them as `settings`.');

export const ZIframeAttributes = z
  .object({
    url: z.string().describe('The https page of the app to frame (its host is on the app\'s allow-list).'),
    sandbox: z.string().describe('Value for the iframe `sandbox` attribute, chosen by the server.'),
    allow: z.string().describe('Value for the iframe `allow` attribute (permissions policy), chosen by the server.'),
    referrer_policy: z.string().describe('Value for the iframe `referrerpolicy` attribute.'),
  })
  .describe('How to frame the block.');

export const ZBlockApp = z
  .object({ id: ZId, client_id: z.string().describe('The app\'s public client id.'), name: z.string() })
  .describe('The app that registered the block.');

export const ZRenderError = z
  .object({
    version: z.number().int().describe('The block version that failed.'),
    kind: z.enum(['limit', 'error']).describe('`limit`: it broke a sandbox limit and is inert until a new version or a merchant retry; `error`: a render failed.'),
    message: z.string().describe('What failed, with the template line where known.'),
    count: z.number().int().describe('How often it failed.'),
    last_at: ZTimestamp,
  })
  .describe('The last render failure of the block\'s current version.');

/** Content fields as the app registered them; exactly the one of its kind is set. */
const contentShape = {
  template: z.string().nullable().describe('The Liquid template (kind `liquid`).'),
  url: z.string().nullable().describe('The framed URL (kind `iframe`).'),
  tree: ZRemoteUiNode.nullable().describe('The remote-UI tree (kind `remote_ui`).'),
};

/** A block as its app sees it. */
export const ZAppBlock = z
  .object({
    id: ZId,
    slug: ZBlockSlug,
    point: ZExtensionPoint.describe('The slot the block is shown in now (the merchant may move it among `allowed_points`).'),
    allowed_points: z.array(ZExtensionPoint).describe('Slots the merchant may move the block to.'),
    kind: ZBlockKind,
    title: z.string(),
    ...contentShape,
    settings: ZBlockSettings.describe('The app\'s settings.'),
    enabled: z.boolean().describe('The app\'s switch.'),
    merchant_enabled: z.boolean().describe('The merchant\'s switch; the block is shown only while both are on.'),
    position: z.number().int().describe('Order within the slot (merchant\'s).'),
    version: z.number().int().describe('Starts at 1; every upsert adds one.'),
    last_render_error: ZRenderError.nullable(),
    created_at: ZTimestamp,
    updated_at: ZTimestamp,
  })
  .describe('A portal extension block of the calling app.');
export type AppBlockDto = z.infer<typeof ZAppBlock>;

/** A block as the merchant sees it. */
export const ZAdminBlock = z
  .object({
    id: ZId,
    app: ZBlockApp,
    slug: ZBlockSlug,
    point: ZExtensionPoint,
    allowed_points: z.array(ZExtensionPoint),
    position: z.number().int().describe('Order within the slot, from 0.'),
    kind: ZBlockKind,
    title: z.string(),
    ...contentShape,
    enabled: z.boolean().describe('The merchant\'s switch.'),
    app_enabled: z.boolean().describe('The app\'s switch.'),
    active: z.boolean().describe('Shown in the portal: both switches on and not inert.'),
    settings: ZBlockSettings.describe('Effective settings: the app\'s, with the merchant\'s overrides applied.'),
    settings_override: ZBlockSettings.describe('The merchant\'s overrides.'),
    version: z.number().int(),
    last_render_error: ZRenderError.nullable(),
    created_at: ZTimestamp,
    updated_at: ZTimestamp,
  })
  .describe('A portal extension block of an app installed on the shop.');
export type AdminBlockDto = z.infer<typeof ZAdminBlock>;

/** A block as the portal draws it: content ready to show, nothing to evaluate. */
export const ZPortalBlock = z
  .object({
    id: ZId,
    app: ZBlockApp.omit({ id: true }),
    slug: ZBlockSlug,
    point: ZExtensionPoint,
    position: z.number().int(),
    kind: ZBlockKind,
    title: z.string(),
    version: z.number().int(),
    settings: ZBlockSettings.describe('Effective settings.'),
    html: z.string().nullable().describe('Kind `liquid`: the rendered, sanitised HTML; empty when the block failed to render.'),
    iframe: ZIframeAttributes.nullable().describe('Kind `iframe`: the frame to draw.'),
    tree: ZRemoteUiNode.nullable().describe('Kind `remote_ui`: the validated tree.'),
  })
  .describe('An active block of the slot.');
export type PortalBlockDto = z.infer<typeof ZPortalBlock>;

export const ZExtensionApp = z
  .object({
    id: ZId,
    client_id: z.string(),
    name: z.string(),
    iframe_hosts: z.array(z.string()).describe('Hosts this app\'s iframe blocks may frame (exact match, port included when not 443).'),
    blocks: z.number().int().describe('How many blocks the app has registered.'),
    installed_at: ZTimestamp,
  })
  .describe('An app installed on the shop, as extension points see it.');

/** A bare host name (optionally :port) for the iframe allow-list; IP literals are refused. */
export const ZIframeHost = text({ max: 253 })
  .toLowerCase()
  .refine(isHostName, 'must be a DNS host name (optionally with :port), not an IP address, scheme or path')
  .describe('A host name, e.g. `reviews.example.com` or `reviews.example.com:8443`.');

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** `host` or `host:port`, DNS labels only, with at least one dot and a non-numeric last label. */
export function isHostName(value: string): boolean {
  const m = /^([^:]+)(?::(\d{1,5}))?$/.exec(value);
  if (!m) return false;
  const [, host, port] = m;
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return false;
  const labels = host!.split('.');
  if (labels.length < 2 || IPV4.test(host!) || /^\d+$/.test(labels.at(-1)!)) return false;
  return labels.every((l) => LABEL.test(l));
}
