import type { IncomingMessage, ServerResponse } from 'node:http';
import { getCustomCssMeta, ZGetCustomCssInput, ZGetCustomCssOutput } from '@cartly/contracts/portal-core';
import type { EntityManager } from '@cartly/db';
import type { RawRoute, RawRouteParams } from '../http/raw-routes.js';
import type { AppDeps } from '../context.js';
import { header } from '../http/headers.js';
import { resolveStorefrontToken } from '../auth/credentials.js';
import { AppError } from '../errors.js';
import { etagMatches, loadCustomCss } from './custom-css.js';
import { requireOwnShop } from './own-shop.js';

const CSS_PATH = getCustomCssMeta.openapi!.path as `/${string}`;

/**
 * REST face of the custom-CSS GET: the same JSON as the tRPC procedure, plus
 * a conditional GET (ETag, 304 on If-None-Match), which trpc-to-openapi
 * cannot answer. Credential and tenancy checks are the procedure's: SAT, and
 * `{id}` must be the SAT's shop (else 404). Errors propagate to the server's
 * error handler, which writes the SPEC §3 body.
 */
async function serveCustomCss(req: IncomingMessage, res: ServerResponse, app: AppDeps, params: RawRouteParams): Promise<void> {
  const em = app.orm.em.fork() as unknown as EntityManager;
  const storefront = await resolveStorefrontToken(
    em,
    header(req, 'x-shopify-storefront-access-token') ?? header(req, 'x-cartly-storefront-access-token'),
  );
  const url = new URL(req.url ?? '/', 'http://localhost');
  // As on every REST route: unknown query fields are rejected, not ignored.
  const unknown = [...url.searchParams.keys()][0];
  if (unknown !== undefined) throw new AppError('VALIDATION_FAILED', `${unknown}: is not a known field`);
  const input = ZGetCustomCssInput.safeParse({ id: params.id });
  if (!input.success) throw new AppError('VALIDATION_FAILED', 'id: must be a shop id (UUID)');
  requireOwnShop(storefront.shopId, input.data.id);

  const view = ZGetCustomCssOutput.parse(await loadCustomCss(em, storefront.shopId));
  const headers = {
    etag: view.etag,
    // Per shop token, and revalidated on every use: a merchant's save shows up at once.
    'cache-control': 'private, no-cache',
    vary: 'X-Shopify-Storefront-Access-Token, X-Cartly-Storefront-Access-Token',
  };
  if (etagMatches(header(req, 'if-none-match'), view.etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, 'content-type': 'application/json' });
  res.end(JSON.stringify(view));
}

export const portalCoreRawRoutes: RawRoute[] = [{ method: 'GET', path: CSS_PATH, handle: serveCustomCss }];
