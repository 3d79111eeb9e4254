import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAtColumn, idColumn, updatedAtColumn } from '../lib/columns.js';
import { Shop } from '../shops/shop.js';
import { App } from '../shops/credentials.js';

/*
 * Portal extension points (SPEC §6): blocks that installed apps put into the
 * customer portal's slots. The block row carries its current content (the
 * storefront query reads only it); every upsert also writes a version row, and
 * render failures are kept per (block, version) for the merchant's listing.
 */

export const EXTENSION_POINTS = ['header', 'footer', 'sidebar', 'account_overview', 'order_detail', 'return_detail'] as const;
export type ExtensionPoint = (typeof EXTENSION_POINTS)[number];

export const EXTENSION_BLOCK_KINDS = ['liquid', 'iframe', 'remote_ui'] as const;
export type ExtensionBlockKind = (typeof EXTENSION_BLOCK_KINDS)[number];

/** Settings are flat: names to scalars, so they can be shown in a form and passed to Liquid as plain data. */
export type ExtensionSettings = Record<string, string | number | boolean | null>;

/** `limit`: the template broke a sandbox limit and stays inert until a new version or a merchant retry; `error`: it failed once. */
export const RENDER_ERROR_KINDS = ['limit', 'error'] as const;
export type RenderErrorKind = (typeof RENDER_ERROR_KINDS)[number];

export const ExtensionBlock = defineEntity({
  name: 'ExtensionBlock',
  tableName: 'extension_block',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    app: p.manyToOne(App).mapToPk().deleteRule('cascade'),
    /** The app's own name for the block; (app, slug) is the upsert key. */
    slug: p.string().length(64),
    /** Where the block is shown now (the merchant may move it among `allowedPoints`). */
    point: p.enum([...EXTENSION_POINTS]),
    /** Slots the app allows the block in; always includes the point the app registered it for. */
    allowedPoints: p.json<ExtensionPoint[]>(),
    /** Order within the slot, set by the merchant; ties broken by id. */
    position: p.integer(),
    kind: p.enum([...EXTENSION_BLOCK_KINDS]),
    title: p.string().length(200),
    template: p.text().nullable(),
    url: p.string().length(2048).nullable(),
    tree: p.json<unknown>().nullable(),
    /** The app's settings. */
    settings: p.json<ExtensionSettings>(),
    /** The merchant's overrides of some of the app's settings. */
    settingsOverride: p.json<ExtensionSettings>(),
    /** The app's switch; the block is shown only while both switches are on. */
    appEnabled: p.boolean().default(true),
    /** The merchant's switch: an app re-registering its block never turns it back on. */
    merchantEnabled: p.boolean().default(true),
    /** Bumped by every upsert of the app. */
    version: p.integer(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  uniques: [{ properties: ['app', 'slug'] }],
  indexes: [{ properties: ['shop', 'point', 'position'] }, { properties: ['shop', 'app'] }],
});
export type IExtensionBlock = InferEntity<typeof ExtensionBlock>;

/** What the app sent in each upsert: the block's history (the newest few are kept). */
export const ExtensionBlockVersion = defineEntity({
  name: 'ExtensionBlockVersion',
  tableName: 'extension_block_version',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    block: p.manyToOne(ExtensionBlock).mapToPk().deleteRule('cascade'),
    version: p.integer(),
    kind: p.enum([...EXTENSION_BLOCK_KINDS]),
    title: p.string().length(200),
    template: p.text().nullable(),
    url: p.string().length(2048).nullable(),
    tree: p.json<unknown>().nullable(),
    settings: p.json<ExtensionSettings>(),
    createdAt: createdAtColumn(),
  },
  uniques: [{ properties: ['block', 'version'] }],
  indexes: [{ properties: ['shop', 'block'] }],
});
export type IExtensionBlockVersion = InferEntity<typeof ExtensionBlockVersion>;

/** The last render failure of one version of a block, counted. */
export const ExtensionRenderError = defineEntity({
  name: 'ExtensionRenderError',
  tableName: 'extension_render_error',
  properties: {
    id: idColumn(),
    shop: p.manyToOne(Shop).mapToPk().deleteRule('cascade'),
    block: p.manyToOne(ExtensionBlock).mapToPk().deleteRule('cascade'),
    version: p.integer(),
    kind: p.enum([...RENDER_ERROR_KINDS]),
    /** The sandbox's message (names the limit and the template line); never customer data. */
    message: p.string().length(500),
    count: p.integer().default(1),
    firstAt: p.datetime(),
    lastAt: p.datetime(),
  },
  uniques: [{ properties: ['block', 'version'] }],
  indexes: [{ properties: ['shop', 'block'] }],
});
export type IExtensionRenderError = InferEntity<typeof ExtensionRenderError>;
