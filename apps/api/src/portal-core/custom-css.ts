import { createHash } from 'node:crypto';
import { CUSTOM_CSS_MAX_BYTES, ZCssDropReason, type CssDroppedItem } from '@cartly/contracts/portal-core';
import { PortalCustomCss, type EntityManager, type IPortalCustomCss } from '@cartly/db';
import { AppError } from '../errors.js';
import { CssTooDeepError, sanitizeCss, type SanitizedCss } from './css-sanitizer.js';

export interface CustomCssView {
  shop_id: string;
  css: string;
  etag: string;
  updated_at: string | null;
}
export interface AdminCustomCssView extends CustomCssView {
  source: string;
  dropped: CssDroppedItem[];
}

/** A strong ETag (quoted, as sent in the header) of the served CSS. */
const etagOf = (css: string) => `"${createHash('sha256').update(css).digest('base64url').slice(0, 27)}"`;

function adminView(shopId: string, row: IPortalCustomCss | null): AdminCustomCssView {
  if (!row) return { shop_id: shopId, css: '', etag: etagOf(''), updated_at: null, source: '', dropped: [] };
  return {
    shop_id: shopId,
    css: row.css,
    etag: row.etag,
    updated_at: row.updatedAt.toISOString(),
    source: row.source,
    dropped: row.dropped.map((d) => ({ ...d, reason: ZCssDropReason.parse(d.reason) })),
  };
}

export async function loadAdminCustomCss(em: EntityManager, shopId: string): Promise<AdminCustomCssView> {
  return adminView(shopId, await em.findOne(PortalCustomCss, { shop: shopId }));
}

/** What storefronts get: only the sanitised CSS, never the merchant's source. */
export async function loadCustomCss(em: EntityManager, shopId: string): Promise<CustomCssView> {
  const { shop_id, css, etag, updated_at } = await loadAdminCustomCss(em, shopId);
  return { shop_id, css, etag, updated_at };
}

/**
 * Sanitises and stores the merchant's CSS (one row per shop, replaced). The
 * size bound is checked before parsing, so a huge sheet costs no parser time.
 */
export async function saveCustomCss(em: EntityManager, shopId: string, source: string): Promise<AdminCustomCssView> {
  const bytes = Buffer.byteLength(source, 'utf8');
  if (bytes > CUSTOM_CSS_MAX_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', `css: is ${bytes} bytes; at most ${CUSTOM_CSS_MAX_BYTES} are allowed`, {
      details: { max_bytes: CUSTOM_CSS_MAX_BYTES },
    });
  }
  let sanitized: SanitizedCss;
  try {
    sanitized = sanitizeCss(source);
  } catch (e) {
    if (e instanceof CssTooDeepError) throw new AppError('VALIDATION_FAILED', `css: ${e.message}`);
    throw e;
  }
  const { css, dropped } = sanitized;
  const row = (await em.findOne(PortalCustomCss, { shop: shopId })) ?? em.create(PortalCustomCss, {
    shop: shopId, source: '', css: '', etag: '', dropped: [],
  });
  row.source = source;
  row.css = css;
  row.etag = etagOf(css);
  row.dropped = dropped;
  // A save that changes nothing would keep the old time; the merchant saved, so say so.
  row.updatedAt = new Date();
  await em.flush();
  return adminView(shopId, row);
}

/** Whether an If-None-Match header names `etag` (or `*`); weak validators compare equal too (RFC 9110 §13.1.2). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}
