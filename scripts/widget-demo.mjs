// The widget demo under `npm start`: a storefront page on its own origin (as a merchant's would be) that
// embeds the built classic script against the demo shop. Dev only; serves two files and touches no data.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const port = Number(process.env.CARTLY_DEMO_PORT ?? 3001);
const apiUrl = process.env.CARTLY_DEMO_API_URL ?? 'http://127.0.0.1:3000';
const sat = process.env.CARTLY_DEMO_SAT ?? '';
// The shop's id lets the widget read its portal settings and custom CSS.
const shopId = process.env.CARTLY_DEMO_SHOP_ID || undefined;
const logins = (process.env.CARTLY_DEMO_LOGINS ?? '').split(',').filter(Boolean);
const bundle = fileURLToPath(new URL('../apps/portal-widget/dist/portal-widget.js', import.meta.url));

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Demo storefront · Cartly portal widget</title>
<style>body{margin:0;font:16px Georgia,serif;background:#faf7f2;color:#2b2b2b}header{background:#2b2b2b;color:#faf7f2;padding:16px 24px}
header h1{margin:0;font-size:22px}main{max-width:1100px;margin:24px auto;padding:0 16px}code{background:#eee;padding:2px 4px}</style>
</head><body><header><h1>Demo storefront</h1></header><main>
<p>The customer portal below is the Cartly widget, embedded with one script tag and a mount call.</p>
${logins.length ? `<p>Demo logins (the code is printed in the terminal's outbox): ${logins.map((l) => `<code>${l.replace(/[<&"]/g, '')}</code>`).join(', ')}.</p>` : ''}
<div id="portal"></div>
<p><small>Embed: <code>&lt;script src=".../portal-widget.js"&gt;&lt;/script&gt;</code> then
<code>CartlyPortal.mount(element, { apiUrl, storefrontAccessToken, shopId })</code>, or
<code>&lt;cartly-portal api-url="…" storefront-access-token="…"&gt;</code>.</small></p>
</main>
<script src="/portal-widget.js"></script>
<script>CartlyPortal.mount(document.getElementById('portal'), ${JSON.stringify({ apiUrl, storefrontAccessToken: sat, shopId })});</script>
</body></html>`;

createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (path === '/') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    return res.end(page);
  }
  if (path === '/portal-widget.js') {
    res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
    return res.end(readFileSync(bundle));
  }
  res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
}).listen(port, '127.0.0.1');
