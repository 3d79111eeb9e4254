import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

/*
 * A storefront on an origin of its own (http://localhost:<port>, the API being
 * http://127.0.0.1:<other port>) that embeds the built widget, as a merchant's
 * page would. Query: sat, api, shop (the shop id, for its settings and CSS), mode=mount|element, hostile=1.
 */

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
/** test/fixtures/prepared.tsx, built by buildPreparedFixture(). */
export const PREPARED_BUNDLE = fileURLToPath(new URL('../test-results/fixtures/prepared.js', import.meta.url));
const PREPARED_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Prepared screens</title></head>
<body><main><h1>Prepared screens</h1><script>window.__pwned = false;</script><div id="host"></div><script src="/prepared.js"></script></main></body></html>`;

export const HOSTILE_CSS = `
*:not(html):not(body):not(main) { display: none !important; visibility: hidden !important; opacity: 0 !important;
  color: red !important; background: yellow !important; font: 40px/5 "Comic Sans MS", cursive !important;
  letter-spacing: 10px !important; border: 10px solid lime !important; transform: scale(0.1) !important; }
html { font-size: 40px !important; color: red !important; line-height: 9 !important; }
body { color: red !important; font-family: serif !important; text-transform: uppercase !important; direction: rtl !important; }
button, input, label, h2, h3, p, a, select { all: unset !important; display: none !important; }
cartly-portal, #portal { display: none !important; position: fixed !important; left: -9999px !important; filter: blur(10px) !important; }
`;

export function storefrontHtml(q: URLSearchParams): string {
  const api = JSON.stringify(q.get('api') ?? '');
  const sat = JSON.stringify(q.get('sat') ?? '');
  const shop = q.get('shop');
  const mode = q.get('mode') ?? 'mount';
  const hostile = q.get('hostile') === '1' ? '<link rel="stylesheet" href="/hostile.css">' : '';
  const embed =
    mode === 'element'
      ? `<cartly-portal id="portal"></cartly-portal>
<script type="module">
  import { version } from '/portal-widget.mjs';
  const el = document.getElementById('portal');
  el.setAttribute('api-url', ${api});
  el.setAttribute('storefront-access-token', ${sat});${shop ? `\n  el.setAttribute('shop-id', ${JSON.stringify(shop)});` : ''}
  window.__widgetVersion = version;
</script>`
      : `<div id="portal"></div>
<script src="/portal-widget.js"></script>
<script>
  window.__mountStarted = performance.now();
  window.__portal = CartlyPortal.mount(document.getElementById('portal'), { apiUrl: ${api}, storefrontAccessToken: ${sat}${shop ? `, shopId: ${JSON.stringify(shop)}` : ''} });
</script>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Test storefront</title>${hostile}</head>
<body><main><h1>Test storefront</h1>
<script>window.__pwned = false; window.__events = []; document.addEventListener('cartly:extension-event', (e) => window.__events.push(e.detail));</script>
${embed}
</main></body></html>`;
}

export interface Storefront {
  origin: string;
  url(params: Record<string, string>): string;
  close(): Promise<void>;
}

export async function startStorefront(): Promise<Storefront> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (type: string, body: string | Buffer) => {
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (url.pathname === '/' ) return send('text/html; charset=utf-8', storefrontHtml(url.searchParams));
    if (url.pathname === '/hostile.css') return send('text/css', HOSTILE_CSS);
    if (url.pathname === '/portal-widget.js') return send('text/javascript', readFileSync(`${DIST}portal-widget.js`));
    if (url.pathname === '/portal-widget.mjs') return send('text/javascript', readFileSync(`${DIST}portal-widget.mjs`));
    if (url.pathname === '/prepared') return send('text/html; charset=utf-8', PREPARED_HTML);
    if (url.pathname === '/prepared.js') return send('text/javascript', readFileSync(PREPARED_BUNDLE));
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://localhost:${port}`;
  return {
    origin,
    url: (params) => `${origin}/?${new URLSearchParams(params).toString()}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
