import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

/*
 * The interactive API reference at /docs: Swagger UI from the swagger-ui-dist package in
 * node_modules, rendering /openapi.json. Nothing is fetched from any other host: the page loads
 * only its own files, the validator badge is off, and the CSP (`connect-src 'self'`, no external
 * script, style, image or font source) is the backstop.
 */

export const DOCS_PATH = '/docs';
const dist = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const INIT = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/openapi.json', dom_id: '#swagger-ui', validatorUrl: null, deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis], layout: 'BaseLayout', tryItOutEnabled: false, docExpansion: 'none', defaultModelsExpandDepth: 0,
  });
});
`;

const HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Cartly API reference</title><link rel="stylesheet" href="${DOCS_PATH}/swagger-ui.css">
<link rel="icon" type="image/png" href="${DOCS_PATH}/favicon-32x32.png"></head>
<body><div id="swagger-ui"></div>
<script src="${DOCS_PATH}/swagger-ui-bundle.js"></script><script src="${DOCS_PATH}/init.js"></script></body></html>`;

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

interface Asset { type: string; body: () => Buffer }
const once = (read: () => Buffer) => {
  let cached: Buffer | undefined;
  return () => (cached ??= read());
};
const fromDist = (file: string) => once(() => readFileSync(path.join(dist, file)));

export const DOCS_ASSETS: Record<`/${string}`, Asset> = {
  [DOCS_PATH]: { type: 'text/html; charset=utf-8', body: once(() => Buffer.from(HTML)) },
  [`${DOCS_PATH}/init.js`]: { type: 'text/javascript; charset=utf-8', body: once(() => Buffer.from(INIT)) },
  [`${DOCS_PATH}/swagger-ui.css`]: { type: 'text/css; charset=utf-8', body: fromDist('swagger-ui.css') },
  [`${DOCS_PATH}/swagger-ui-bundle.js`]: { type: 'text/javascript; charset=utf-8', body: fromDist('swagger-ui-bundle.js') },
  [`${DOCS_PATH}/favicon-32x32.png`]: { type: 'image/png', body: fromDist('favicon-32x32.png') },
};

export function serveDocsAsset(req: IncomingMessage, res: ServerResponse, asset: Asset): void {
  const body = asset.body();
  res.writeHead(200, {
    'content-type': asset.type,
    'content-length': body.length,
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-cache',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
