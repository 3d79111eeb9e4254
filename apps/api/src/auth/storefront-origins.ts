import type { IncomingMessage } from 'node:http';
import { type EntityManager, readRows } from '@cartly/db';
import { bearer, header } from '../http/headers.js';
import type { CorsOrigins } from '../http/cors.js';
import { hashToken, isTokenOf } from './tokens.js';

/*
 * The storefront origins a shop lists (`storefrontOrigins` in its settings, in
 * `URL.origin` form) decide which browser pages may read its storefront and
 * customer answers (CORS). The shop comes from the request's SAT, or from its
 * CAT when only that is sent.
 */

/** Whether any shop lists this origin (a preflight carries no credential). */
export async function isListedStorefrontOrigin(em: EntityManager, origin: string): Promise<boolean> {
  const rows = await readRows<{ one: number }>(
    em,
    `select 1 as one from "shop" where "settings"->'storefrontOrigins' @> ?::jsonb limit 1`,
    [JSON.stringify([origin])],
  );
  return rows.length > 0;
}

/** Whether the shop named by the request's credential lists this origin. */
export async function credentialShopListsOrigin(em: EntityManager, req: IncomingMessage, origin: string): Promise<boolean> {
  const sat = header(req, 'x-shopify-storefront-access-token') ?? header(req, 'x-cartly-storefront-access-token');
  const cat = bearer(req);
  const listed = JSON.stringify([origin]);
  if (sat && isTokenOf('sat', sat)) {
    const rows = await readRows<{ one: number }>(
      em,
      `select 1 as one from "storefront_access_token" t join "shop" s on s."id" = t."shop_id"
        where t."token_hash" = ? and t."revoked_at" is null and (t."expires_at" is null or t."expires_at" > ?)
          and s."settings"->'storefrontOrigins' @> ?::jsonb limit 1`,
      [hashToken(sat), new Date(), listed],
    );
    return rows.length > 0;
  }
  if (cat && isTokenOf('cat', cat)) {
    const rows = await readRows<{ one: number }>(
      em,
      `select 1 as one from "customer_access_token" t join "shop" s on s."id" = t."shop_id"
        where t."token_hash" = ? and t."revoked_at" is null and t."expires_at" > ? and s."settings"->'storefrontOrigins' @> ?::jsonb limit 1`,
      [hashToken(cat), new Date(), listed],
    );
    return rows.length > 0;
  }
  return false;
}

/** The shops' lists, as the HTTP frame's CORS gate reads them. */
export const storefrontOrigins: CorsOrigins = { known: isListedStorefrontOrigin, allowed: credentialShopListsOrigin };
