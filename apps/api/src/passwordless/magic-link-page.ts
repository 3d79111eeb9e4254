import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { verifyMagicLinkMeta } from '@cartly/contracts/passwordless';

/*
 * The page an emailed magic link opens. The token is in the URL fragment,
 * which browsers never send to a server, so fetching the link (as mail
 * scanners do) only ever gets this static page. The token is used only when
 * the customer presses the button; link scanners that run scripts do not
 * press buttons. The page then calls the documented verify endpoint and
 * hands the CAT to the validated redirect_url in *its* fragment (kept out of
 * server logs and Referer headers), or shows it when there is no redirect.
 *
 * No external resources; the inline script and style are pinned by hash in
 * the Content-Security-Policy.
 */

const VERIFY_PATH = verifyMagicLinkMeta.openapi!.path.slice(1);

const STYLE = `body{margin:0;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;background:#f6f6f7;color:#202223}
main{max-width:420px;margin:10vh auto;background:#fff;border-radius:8px;padding:32px;box-shadow:0 1px 3px rgba(0,0,0,.1)}
h1{font-size:22px;margin:0 0 12px}button{background:#008060;color:#fff;border:0;border-radius:6px;padding:12px 20px;font-size:16px;cursor:pointer}
button[disabled]{opacity:.6}textarea{width:100%;height:5em;margin-top:12px;font-family:monospace;font-size:12px}`;

const SCRIPT = `(function () {
  var token = new URLSearchParams(location.hash.slice(1)).get('token');
  // Take the token out of the address bar and the history straight away.
  history.replaceState(null, '', location.pathname + location.search);
  var status = document.getElementById('status');
  var button = document.getElementById('go');
  var out = document.getElementById('out');
  if (!token) { status.textContent = 'This sign-in link is incomplete. Open the link from your email again.'; return; }
  button.hidden = false;
  button.addEventListener('click', function () {
    button.disabled = true;
    status.textContent = 'Signing you in\\u2026';
    var url = new URL(${JSON.stringify(VERIFY_PATH)}, location.href);
    url.search = new URLSearchParams({ token: token }).toString();
    fetch(url.toString(), { headers: { accept: 'application/json' }, credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (r) {
        if (!r.ok) { button.hidden = true; status.textContent = 'This sign-in link is invalid, has expired or was already used. Please request a new one.'; return; }
        var b = r.body;
        var session = new URLSearchParams({ access_token: b.access_token, expires_at: b.expires_at, customer_id: b.customer_id }).toString();
        if (b.redirect_url) {
          var target = new URL(b.redirect_url);
          target.hash = session;
          status.textContent = 'Signed in. Taking you back\\u2026';
          location.replace(target.toString());
          return;
        }
        button.hidden = true;
        status.textContent = 'You are signed in. Your access token:';
        out.value = b.access_token;
        out.hidden = false;
      })
      .catch(function () { button.disabled = false; status.textContent = 'Could not reach the server. Please try again.'; });
  });
})();`;

const HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><meta name="robots" content="noindex">
<title>Sign in</title><style>${STYLE}</style></head>
<body><main><h1>Sign in</h1><p id="status">Press the button to finish signing in.</p>
<button id="go" type="button" hidden>Sign me in</button>
<textarea id="out" readonly hidden aria-label="Access token"></textarea>
<noscript><p>Signing in with this link needs JavaScript.</p></noscript></main>
<script>${SCRIPT}</script></body></html>`;

const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    `default-src 'none'; script-src ${sha256(SCRIPT)}; style-src ${sha256(STYLE)}; connect-src 'self'; ` +
    `base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

/** GET/HEAD of the confirm page: static, touches no data. */
export function serveMagicLinkPage(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, { ...HEADERS, 'content-length': Buffer.byteLength(HTML) });
  res.end(req.method === 'HEAD' ? undefined : HTML);
}
