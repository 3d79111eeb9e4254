import type { RawRoute } from '../http/raw-routes.js';
import { DOCS_ASSETS, serveDocsAsset } from './docs-page.js';

/** /docs and its files (the interactive reference over /openapi.json). */
export const openapiRawRoutes: RawRoute[] = Object.entries(DOCS_ASSETS).map(([path, asset]) => ({
  method: 'GET',
  path: path as `/${string}`,
  handle: (req, res) => serveDocsAsset(req, res, asset),
}));
